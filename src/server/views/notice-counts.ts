// Notice delivery counts for an incident, from the notify capability's ledger.
import { noticeCounts } from '../../notify/draft-notices.ts';
import type { Store } from '../../store/open-store.ts';

export async function noticeCountsOf(store: Store, incidentId: string) {
  return noticeCounts(store, incidentId);
}
