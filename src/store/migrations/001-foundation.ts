// Foundation tables: inventory, customer index, access events, quarantine, incidents, audit.
// Plain SQL types that mean the same on SQLite and PostgreSQL (text, integer, bigint).
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('entities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('parent', 'text')
    .addColumn('units', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('dealers', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createTable('vendors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contract', 'text', (c) => c.notNull())
    .addColumn('contacts', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('systems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('vendor_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('entities', 'text', (c) => c.notNull())
    .addColumn('internet_exposed', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('grants')
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('last_used', 'text')
    .addPrimaryKeyConstraint('grants_pk', ['system_id', 'account'])
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('dealer', 'text')
    .addColumn('unit', 'text')
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('pii', 'text', (c) => c.notNull())
    .addColumn('email_hmac', 'text')
    .addColumn('phone_hmac', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_unit').on('customers').columns(['unit', 'id']).execute();
  await db.schema.createIndex('customers_dealer').on('customers').column('dealer').execute();
  await db.schema.createIndex('customers_email').on('customers').column('email_hmac').execute();
  await db.schema.createIndex('customers_phone').on('customers').column('phone_hmac').execute();
  await db.schema.createIndex('customers_key').on('customers').column('key_id').execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('time_ms', 'bigint', (c) => c.notNull())
    .addColumn('actor_user', 'text')
    .addColumn('actor_type', 'text')
    .addColumn('session', 'text')
    .addColumn('src_ip', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object', 'text')
    .addColumn('query', 'text')
    .addColumn('result_count', 'integer')
    .addColumn('record_ids', 'text')
    .addColumn('record_count', 'integer', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('extra', 'text')
    .execute();
  // The scoping questions: what did these actors / IPs / sessions do between T1 and T2.
  await db.schema.createIndex('events_actor_time').on('events').columns(['actor_user', 'time_ms']).execute();
  await db.schema.createIndex('events_ip_time').on('events').columns(['src_ip', 'time_ms']).execute();
  await db.schema.createIndex('events_session_time').on('events').columns(['session', 'time_ms']).execute();

  await db.schema
    .createTable('quarantine')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('aware_at', 'text', (c) => c.notNull())
    .addColumn('vendor_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('scope', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('affected')
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('affected_pk', ['incident_id', 'customer_id'])
    .execute();
  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decisions_incident').on('decisions').columns(['incident_id', 'at']).execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('correlation', 'text')
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('first', 'text', (c) => c.notNull())
    .addColumn('last', 'text', (c) => c.notNull())
    .addColumn('first_ms', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_first').on('alerts').column('first_ms').execute();

  await db.schema
    .createTable('audit')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['audit', 'alerts', 'decisions', 'affected', 'incidents', 'quarantine', 'events', 'customers', 'grants', 'systems', 'vendors', 'entities']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
