// `warden cluster status`: what the cluster is doing, read from JetStream (streams, the ingest
// consumer, partition leases and workers) and, when a store is given, the detection checkpoints,
// giving lag per partition in raw-stream messages. Read-only.
import type { JetStreamManager, KV } from 'nats';
import type { Store } from '../store/open-store.ts';
import { readCheckpoints } from './checkpoint-store.ts';
import type { Topology } from './topology.ts';

export interface ClusterStatus {
  prefix: string;
  streams: Array<{ name: string; messages: number; bytes: number; first_seq: number; last_seq: number }>;
  ingest: { pending: number; ack_pending: number; ack_floor: number; redelivered: number } | null;
  workers: string[];
  partitions: Array<{ partition: number; owner: string | null; checkpoint: number | null; lag: number | null }>;
}

export async function clusterStatus(jsm: JetStreamManager, kv: KV | null, topo: Topology, partitions: number, store?: Store): Promise<ClusterStatus> {
  const streams: ClusterStatus['streams'] = [];
  let rawLast = 0;
  for (const name of [topo.rawStream, topo.eventStream]) {
    const info = await jsm.streams.info(name).catch(() => null);
    if (!info) continue;
    const s = info.state;
    if (name === topo.rawStream) rawLast = s.last_seq;
    streams.push({ name, messages: s.messages, bytes: s.bytes, first_seq: s.first_seq, last_seq: s.last_seq });
  }
  const ci = await jsm.consumers.info(topo.rawStream, topo.ingestConsumer).catch(() => null);
  const ingest = ci ? { pending: ci.num_pending, ack_pending: ci.num_ack_pending, ack_floor: ci.ack_floor.stream_seq, redelivered: ci.num_redelivered } : null;
  const owners = new Map<number, string>();
  const workers: string[] = [];
  if (kv) {
    for await (const k of await kv.keys()) {
      const e = await kv.get(k);
      if (e?.operation !== 'PUT') continue;
      if (k.startsWith('w.')) workers.push(k.slice(2));
      else if (k.startsWith('p.')) owners.set(Number(k.slice(2)), e.string());
    }
  }
  const checkpoints = store ? await readCheckpoints(store, topo.prefix) : undefined;
  const rows: ClusterStatus['partitions'] = [];
  for (let p = 0; p < partitions; p++) {
    const cp = checkpoints ? (checkpoints.get(p)?.rawDone ?? 0) : null;
    rows.push({ partition: p, owner: owners.get(p) ?? null, checkpoint: cp, lag: cp === null ? null : Math.max(0, rawLast - cp) });
  }
  return { prefix: topo.prefix, streams, ingest, workers: workers.sort(), partitions: rows };
}
