// The JetStream layout of a Warden cluster: names of streams, subjects, the ingest consumer and
// the KV buckets under one prefix (so test runs and tenants never collide), the partition hash,
// and `ensureTopology`, which creates what is missing and is safe to call from every process.
import type { JetStreamManager } from 'nats';
import { AckPolicy, DeliverPolicy, RetentionPolicy, StorageType } from 'nats';

export interface Topology {
  prefix: string;
  rawStream: string;
  eventStream: string;
  ingestConsumer: string;
  leaseBucket: string;
  configBucket: string;
  rawSubject(source: string): string;
  rawWildcard: string;
  partitionSubject(p: number): string;
  partitionWildcard: string;
  ctxSubject: string;
}

const NAME = /^[A-Za-z0-9_-]{1,32}$/;

export function topology(prefix: string): Topology {
  if (!NAME.test(prefix)) throw new Error(`prefix '${prefix}' must be 1-32 letters, digits, _ or -`);
  const up = prefix.toUpperCase().replace(/-/g, '_');
  return {
    prefix,
    rawStream: `${up}_RAW`,
    eventStream: `${up}_EVENTS`,
    ingestConsumer: 'ingest',
    leaseBucket: `${up}_leases`,
    configBucket: `${up}_config`,
    rawSubject: (source) => `${prefix}.raw.${source.replace(/[^A-Za-z0-9_-]/g, '_')}`,
    rawWildcard: `${prefix}.raw.>`,
    partitionSubject: (p) => `${prefix}.ev.${p}`,
    partitionWildcard: `${prefix}.ev.>`,
    ctxSubject: `${prefix}.ctx`,
  };
}

/** FNV-1a of the actor (else the source IP): one actor's events always land in one partition. */
export function partitionOf(key: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % partitions;
}

const NS = 1_000_000;
/** JetStream dedupes a resent message id within this window. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

export interface RetentionOptions {
  maxAgeMs?: number; // 0 = keep until limits (default)
  maxBytes?: number; // -1 = unlimited
}

export async function ensureTopology(jsm: JetStreamManager, t: Topology, r: RetentionOptions = {}): Promise<void> {
  const common = {
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    duplicate_window: DUPLICATE_WINDOW_MS * NS,
    max_age: (r.maxAgeMs ?? 0) * NS,
    max_bytes: r.maxBytes ?? -1,
  };
  await addStream(jsm, { name: t.rawStream, subjects: [t.rawWildcard], ...common });
  await addStream(jsm, { name: t.eventStream, subjects: [t.partitionWildcard, t.ctxSubject], ...common });
  try {
    await jsm.consumers.info(t.rawStream, t.ingestConsumer);
  } catch {
    await jsm.consumers.add(t.rawStream, {
      durable_name: t.ingestConsumer,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: 60_000 * NS,
      max_ack_pending: 20_000,
      max_deliver: -1,
    }).catch(async (err) => {
      // another process created it between our info and add: fine
      await jsm.consumers.info(t.rawStream, t.ingestConsumer).catch(() => {
        throw err;
      });
    });
  }
}

async function addStream(jsm: JetStreamManager, cfg: Parameters<JetStreamManager['streams']['add']>[0]): Promise<void> {
  try {
    await jsm.streams.info(cfg.name as string);
  } catch {
    await jsm.streams.add(cfg).catch(async (err) => {
      await jsm.streams.info(cfg.name as string).catch(() => {
        throw err;
      });
    });
  }
}

/** Removes every stream and bucket of a prefix (tests clean up after themselves). */
export async function deleteTopology(jsm: JetStreamManager, t: Topology): Promise<void> {
  for (const s of [t.rawStream, t.eventStream, `KV_${t.leaseBucket}`, `KV_${t.configBucket}`]) {
    await jsm.streams.delete(s).catch(() => false);
  }
}
