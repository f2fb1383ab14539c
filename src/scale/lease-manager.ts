// Partition ownership leases in a JetStream KV bucket whose entries expire (TTL): each worker
// heartbeats `w.<id>`, renews the `p.<n>` keys it holds (compare-and-set on the revision), hands
// back partitions above its fair share (partitions / live workers) and claims free ones. A dead
// worker's keys expire (LEASE_TTL_MS) and its partitions move to the others.
import type { JetStreamClient, KV } from 'nats';

/** A lease lives this long without renewal; renewals come every LEASE_RENEW_MS. Generous, because a
 * worker on a loaded machine may not get the CPU for seconds, and a lost lease costs a replay. */
export const LEASE_TTL_MS = 20_000;
export const LEASE_RENEW_MS = 2000;

export interface LeaseEvents {
  acquire(p: number): Promise<void>;
  release(p: number): Promise<void>; // graceful: stop the partition, then the key is deleted
  lost(p: number): void; // someone else holds it now (we were too slow)
}

export async function leaseBucket(js: JetStreamClient, bucket: string): Promise<KV> {
  return js.views.kv(bucket, { ttl: LEASE_TTL_MS, history: 1 });
}

export class LeaseManager {
  private readonly owned = new Map<number, number>(); // partition -> revision

  constructor(
    private readonly kv: KV,
    private readonly id: string,
    private readonly partitions: number,
    private readonly on: LeaseEvents,
  ) {}

  get held(): number[] {
    return [...this.owned.keys()].sort((a, b) => a - b);
  }

  /** Heartbeat only, at start-up: workers started together see each other before the first
   * claim (a tick later), so the first one up does not take every partition and then hand most
   * back, each handed-back partition costing its new owner a replay of the stream. */
  async announce(): Promise<void> {
    await this.kv.put(`w.${this.id}`, String(Date.now()));
  }

  async tick(): Promise<void> {
    await this.announce();
    let live = 0;
    for await (const _ of await this.kv.keys('w.*')) live++;
    const fair = Math.ceil(this.partitions / Math.max(1, live));
    for (const [p, rev] of [...this.owned]) {
      const kept = await this.renew(p, rev);
      if (kept === undefined) {
        this.owned.delete(p);
        this.on.lost(p);
      } else this.owned.set(p, kept);
    }
    while (this.owned.size > fair) {
      const p = Math.max(...this.owned.keys());
      await this.give(p);
    }
    for (let p = 0; p < this.partitions && this.owned.size < fair; p++) {
      if (this.owned.has(p)) continue;
      const e = await this.kv.get(`p.${p}`).catch(() => null);
      if (e && e.operation === 'PUT') continue;
      try {
        const rev = await this.kv.create(`p.${p}`, this.id);
        this.owned.set(p, rev);
        await this.on.acquire(p);
      } catch {
        // another worker got there first
      }
    }
  }

  /** The new revision if the lease is still (or again) ours, else undefined. */
  private async renew(p: number, rev: number): Promise<number | undefined> {
    try {
      return await this.kv.update(`p.${p}`, this.id, rev);
    } catch {
      // a timeout is not a loss: look at what the bucket holds now
      const e = await this.kv.get(`p.${p}`).catch(() => null);
      if (e && e.operation === 'PUT') return e.string() === this.id ? e.revision : undefined;
      return this.kv.create(`p.${p}`, this.id).catch(() => undefined);
    }
  }

  private async give(p: number): Promise<void> {
    await this.on.release(p);
    const rev = this.owned.get(p);
    this.owned.delete(p);
    if (rev !== undefined) await this.kv.delete(`p.${p}`, { previousSeq: rev }).catch(() => {});
  }

  /** Graceful shutdown: every partition handed back, the heartbeat removed. */
  async releaseAll(): Promise<void> {
    for (const p of this.held) await this.give(p);
    await this.kv.delete(`w.${this.id}`).catch(() => {});
  }
}
