// The audit trail's hash chain, pure: each entry's hash covers its content and the previous
// entry's hash, so an edited, inserted or deleted entry breaks every hash after it.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export function hashAuditEntry(e: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([e.seq, e.at, e.actor, e.action, e.target, e.details, e.prev_hash]))
    .digest('hex');
}

export interface ChainBreak {
  seq: number;
  problem: string;
}

/** Checks a run of entries in seq order; `prev` is the hash before the first one. */
export function verifyChain(entries: AuditEntry[], prev = GENESIS_HASH, expectedSeq = 1): ChainBreak | undefined {
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { seq: e.seq, problem: `expected entry ${expectedSeq}: an entry was deleted or inserted` };
    if (e.prev_hash !== prev) return { seq: e.seq, problem: 'previous-hash link broken' };
    if (hashAuditEntry(e) !== e.hash) return { seq: e.seq, problem: 'entry content does not match its hash (edited)' };
    prev = e.hash;
    expectedSeq++;
  }
  return undefined;
}
