// Scale-out tables: per-partition detection checkpoints (the raw-stream sequence through which a
// partition's alerts are committed). Same on SQLite and PostgreSQL; only src/scale uses them.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scale_checkpoints')
    .ifNotExists()
    .addColumn('ns', 'text', (c) => c.notNull())
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('raw_done', 'bigint', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scale_checkpoints_pk', ['ns', 'part'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scale_checkpoints').ifExists().execute();
}
