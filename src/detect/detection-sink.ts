// Detection inside `warden ingest`: an EventSink that runs the installed rules (the built-in
// pack plus ./data/rules, or the folders given) over each stored batch and upserts the alerts.
// Per-account history is seeded from the store first (grants' last_used, events already held),
// so a dormant account is recognised across ingests and a replay does not raise new alerts.
import { existsSync } from 'node:fs';
import { WardenError } from '../errors.ts';
import type { AccessEvent } from '../logs/access-event.ts';
import type { EventSink } from '../logs/ingest.ts';
import type { Detection } from '../sigma/index.ts';
import type { Store } from '../store/open-store.ts';
import { ActorContext } from './actor-context.ts';
import { type AlertHit, coalesceHits, DEFAULT_MERGE_GAP_MS } from './alert-merge.ts';
import { upsertAlerts } from './alert-store.ts';
import { DetectionRunner } from './detection-runner.ts';
import { BUILTIN_PACK_DIR, loadRules } from './rule-pack.ts';

export interface DetectionSinkOptions {
  rulesDir?: string | string[];
  gapMs?: number;
}

export interface DetectionSummary {
  detections: number;
  alertsCreated: number;
  alertsUpdated: number;
}

export const INSTALLED_RULES_DIR = 'data/rules';

/** The alert group of a single-event hit: who did it (the account, else the source IP). */
export function eventGroup(event: AccessEvent): Record<string, unknown> {
  if (event.actor.user) return { 'actor.user': event.actor.user };
  if (event.src_ip) return { src_ip: event.src_ip };
  return {};
}

export function hitFor(d: Detection, event: AccessEvent, timeMs: number): AlertHit {
  if (d.kind === 'rule') {
    return { rule: d.rule, title: d.title, level: d.level, correlation: null, group: eventGroup(event), first: event.time, last: event.time, firstMs: timeMs, lastMs: timeMs, count: 1, eventIds: [event.id] };
  }
  return hitForCorrelation(d);
}

function hitForCorrelation(d: Extract<Detection, { kind: 'correlation' }>): AlertHit {
  return { rule: d.rule, title: d.title, level: d.level, correlation: d.correlation, group: d.group, first: d.first, last: d.last, firstMs: d.firstMs, lastMs: d.lastMs, count: d.count, eventIds: d.eventIds };
}

async function seedHistory(store: Store, context: ActorContext): Promise<void> {
  for (const g of await store.db.selectFrom('grants').select(['account', 'last_used']).execute()) {
    const ms = g.last_used ? Date.parse(g.last_used) : Number.NaN;
    if (!Number.isNaN(ms)) context.seedLastSeen(g.account, ms);
  }
  const seen = await store.db
    .selectFrom('events')
    .select(['actor_user', (eb) => eb.fn.max('time_ms').as('last_ms')])
    .where('actor_user', 'is not', null)
    .groupBy('actor_user')
    .execute();
  for (const s of seen) if (s.actor_user) context.seedLastSeen(s.actor_user, Number(s.last_ms));
}

export async function createDetectionSink(
  store: Store,
  options: DetectionSinkOptions = {},
): Promise<EventSink & { summary(): DetectionSummary }> {
  const dirs = options.rulesDir
    ? [options.rulesDir].flat()
    : [BUILTIN_PACK_DIR, ...(existsSync(INSTALLED_RULES_DIR) ? [INSTALLED_RULES_DIR] : [])];
  const loaded = await loadRules(dirs);
  const first = loaded.errors[0];
  if (first) {
    throw new WardenError('bad_input', `${first.message} (${loaded.errors.length} rule errors: run warden rules check)`, `${first.file}:${first.line}:${first.col}`);
  }
  const context = new ActorContext();
  await seedHistory(store, context);
  const runner = new DetectionRunner(loaded.ruleSet, { actorContext: context, hoistRaw: 'windows' });
  const gapMs = options.gapMs ?? DEFAULT_MERGE_GAP_MS;
  const summary: DetectionSummary = { detections: 0, alertsCreated: 0, alertsUpdated: 0 };

  const store_ = async (hits: AlertHit[]) => {
    summary.detections += hits.length;
    const r = await upsertAlerts(store, coalesceHits(hits, gapMs), { gapMs });
    summary.alertsCreated += r.created;
    summary.alertsUpdated += r.updated;
  };

  return {
    async onEvents(batch) {
      const hits: AlertHit[] = [];
      for (const { event, line } of batch) {
        const pushed = runner.push({ ...event } as unknown as Record<string, unknown>, line);
        if (!pushed.ok) continue;
        for (const d of pushed.detections) hits.push(hitFor(d, event, pushed.timeMs));
      }
      await store_(hits);
    },
    async finish() {
      await store_(runner.flush().filter((d) => d.kind === 'correlation').map(hitForCorrelation));
    },
    summary: () => ({ ...summary }),
  };
}
