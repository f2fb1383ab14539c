// Notice delivery counts for an incident. The notify capability's ledger is not in the tree
// yet, so this answers zeros; when src/notify lands, this is the one line to wire to it.
import type { Store } from '../../store/open-store.ts';

export interface NoticeCounts {
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
}

export async function noticeCountsOf(_store: Store, _incidentId: string): Promise<NoticeCounts & { available: boolean }> {
  return { queued: 0, sent: 0, failed: 0, bounced: 0, available: false };
}
