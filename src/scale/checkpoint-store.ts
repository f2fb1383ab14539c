// Detection checkpoints in PostgreSQL: per (cluster prefix, partition) the raw-stream sequence
// through which the partition's alerts are committed. Written after the alerts of that range
// (alert upserts are idempotent, so a crash between the two only repeats a no-op), and only
// ever moved forward. The only module that touches `scale_checkpoints`.
import type { Kysely } from 'kysely';
import type { Store } from '../store/open-store.ts';

export interface ScaleCheckpointTable {
  ns: string;
  part: number;
  raw_done: number;
  owner: string;
  updated_at: string;
}

type Db = Kysely<{ scale_checkpoints: ScaleCheckpointTable }>;
const db = (store: Store) => store.db as unknown as Db;

export async function readCheckpoint(store: Store, ns: string, part: number): Promise<number> {
  const row = await db(store).selectFrom('scale_checkpoints').select('raw_done').where('ns', '=', ns).where('part', '=', part).executeTakeFirst();
  return row ? Number(row.raw_done) : 0;
}

export async function readCheckpoints(store: Store, ns: string): Promise<Map<number, { rawDone: number; owner: string; updatedAt: string }>> {
  const rows = await db(store).selectFrom('scale_checkpoints').selectAll().where('ns', '=', ns).execute();
  return new Map(rows.map((r) => [Number(r.part), { rawDone: Number(r.raw_done), owner: r.owner, updatedAt: r.updated_at }]));
}

export async function writeCheckpoint(store: Store, ns: string, part: number, rawDone: number, owner: string): Promise<void> {
  const updated_at = new Date().toISOString();
  await db(store)
    .insertInto('scale_checkpoints')
    .values({ ns, part, raw_done: rawDone, owner, updated_at })
    .onConflict((oc) =>
      oc.columns(['ns', 'part']).doUpdateSet({ raw_done: rawDone, owner, updated_at }).where('scale_checkpoints.raw_done', '<', rawDone),
    )
    .execute();
}
