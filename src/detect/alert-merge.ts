// How detections become alerts: each hit (one rule match, or one correlation firing) joins the
// alert of the same rule and group whose time range it touches (within a gap), else starts a new
// one whose id is a stable hash of (rule, group, window start). Replaying the same events changes
// nothing: counts only grow for evidence not yet seen. Pure.
import { createHash } from 'node:crypto';

export const EVIDENCE_CAP = 200;
export const DEFAULT_MERGE_GAP_MS = 3_600_000;

export interface AlertHit {
  rule: string;
  title: string;
  level: string;
  correlation: string | null;
  group: Record<string, unknown>;
  first: string;
  last: string;
  firstMs: number;
  lastMs: number;
  /** Events behind the hit: 1 for a rule match, the correlation's own count otherwise. */
  count: number;
  eventIds: string[];
}

export interface AlertState {
  id: string;
  rule: string;
  title: string;
  level: string;
  correlation: string | null;
  group: Record<string, unknown>;
  groupKey: string;
  first: string;
  last: string;
  firstMs: number;
  lastMs: number;
  count: number;
  evidence: string[];
}

/** Canonical JSON of a group (keys sorted), the part of the alert key that names who. */
export function groupKeyOf(group: Record<string, unknown>): string {
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(group).sort()) sorted[k] = group[k];
  return JSON.stringify(sorted);
}

export function alertId(rule: string, groupKey: string, firstMs: number): string {
  return createHash('sha256').update(`${rule}\n${groupKey}\n${firstMs}`).digest('hex').slice(0, 24);
}

export function touches(alert: { firstMs: number; lastMs: number }, hit: { firstMs: number; lastMs: number }, gapMs: number): boolean {
  return hit.firstMs <= alert.lastMs + gapMs && hit.lastMs >= alert.firstMs - gapMs;
}

export function newAlert(hit: AlertHit): AlertState {
  const groupKey = groupKeyOf(hit.group);
  return {
    id: alertId(hit.rule, groupKey, hit.firstMs),
    rule: hit.rule,
    title: hit.title,
    level: hit.level,
    correlation: hit.correlation,
    group: hit.group,
    groupKey,
    first: hit.first,
    last: hit.last,
    firstMs: hit.firstMs,
    lastMs: hit.lastMs,
    count: hit.count,
    evidence: [...new Set(hit.eventIds)].slice(0, EVIDENCE_CAP),
  };
}

/**
 * Folds `src` (a new hit, or hits coalesced in memory) into `dst` in place; returns whether
 * anything changed. A correlation keeps its largest count. A rule alert counts distinct evidence
 * events exactly up to EVIDENCE_CAP; past it, only hits later than the alert's last one count,
 * so a replay of old events never inflates it.
 */
export function mergeInto(dst: AlertState, src: AlertState): boolean {
  const before = `${dst.firstMs}|${dst.lastMs}|${dst.count}|${dst.evidence.length}`;
  const isNewer = src.firstMs > dst.lastMs;
  const full = dst.evidence.length >= EVIDENCE_CAP;
  const known = new Set(dst.evidence);
  const unseen = src.evidence.filter((id) => !known.has(id));
  if (dst.correlation !== null) dst.count = Math.max(dst.count, src.count);
  else if (isNewer) dst.count += src.count;
  else if (!full) dst.count += src.evidence.length === 0 ? 0 : unseen.length;
  for (const id of unseen) {
    if (dst.evidence.length >= EVIDENCE_CAP) break;
    dst.evidence.push(id);
  }
  if (src.firstMs < dst.firstMs) {
    dst.firstMs = src.firstMs;
    dst.first = src.first;
  }
  if (src.lastMs > dst.lastMs) {
    dst.lastMs = src.lastMs;
    dst.last = src.last;
  }
  return before !== `${dst.firstMs}|${dst.lastMs}|${dst.count}|${dst.evidence.length}`;
}

/** Merges hits of one batch into as few alert candidates as possible, per (rule, group). */
export function coalesceHits(hits: AlertHit[], gapMs: number): AlertState[] {
  const byKey = new Map<string, AlertState[]>();
  const sorted = [...hits].sort((a, b) => a.firstMs - b.firstMs);
  for (const hit of sorted) {
    const candidate = newAlert(hit);
    const key = `${hit.rule}\n${candidate.groupKey}`;
    let list = byKey.get(key);
    if (!list) {
      list = [];
      byKey.set(key, list);
    }
    const open = list[list.length - 1];
    if (open && touches(open, candidate, gapMs)) mergeInto(open, candidate);
    else list.push(candidate);
  }
  return [...byKey.values()].flat();
}
