// Brand watch: the organisation's own domains (brands) and the look-alike domains found for
// them (findings), with first seen, source line and takedown status. Same SQL on both dialects.
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('brands')
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('brands_pk', ['org', 'domain'])
    .execute();
  await db.schema
    .createTable('brand_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('match', 'text', (c) => c.notNull())
    .addColumn('score_pct', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addColumn('seen_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('status_at', 'text', (c) => c.notNull())
    .addColumn('status_note', 'text')
    .execute();
  await db.schema
    .createIndex('brand_findings_org_status')
    .on('brand_findings')
    .columns(['org', 'status', 'first_seen'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('brand_findings').ifExists().execute();
  await db.schema.dropTable('brands').ifExists().execute();
}
