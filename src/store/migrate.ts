// Versioned, re-runnable migrations: the same set on both dialects. Each capability that needs
// tables adds a numbered file under migrations/ and a line here.
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { WardenError } from '../errors.ts';
import * as m001 from './migrations/001-foundation.ts';
import * as m004 from './migrations/004-notify.ts';
import * as m005 from './migrations/005-auth.ts';
import * as m006 from './migrations/006-brandwatch.ts';
import * as m007 from './migrations/007-oversee.ts';
import * as m008 from './migrations/008-scale.ts';
import * as m009 from './migrations/009-session-spans.ts';

const MIGRATIONS: Record<string, Migration> = {
  '001-foundation': m001,
  '004-notify': m004,
  '005-auth': m005,
  '006-brandwatch': m006,
  '007-oversee': m007,
  '008-scale': m008,
  '009-session-spans': m009,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the migrator works below the typed schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new StaticMigrationProvider(),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new WardenError('store', `migration ${failed} failed: ${String(error)}`, 'store');
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
