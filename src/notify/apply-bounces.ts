// Feeds bounce messages back into the ledger: a permanent bounce marks the email notice
// `bounced` and drafts a letter for that customer. Each file is reported on its own; a file
// that is not a usable bounce is counted and named, and the rest go on.
import { readFile } from 'node:fs/promises';
import { appendAudit } from '../audit/audit-log.ts';
import type { InputProblem } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import { parseBounce } from './bounce-parse.ts';
import { findNoticeByMessageId, getNotice, insertDrafts } from './ledger-store.ts';
import { markBounced } from './ledger-transitions.ts';

export interface BounceSummary {
  files: number;
  bounced: number;
  ignored: number;
  problems: InputProblem[];
}

export async function applyBounceFiles(store: Store, files: string[], actor: string): Promise<BounceSummary> {
  const summary: BounceSummary = { files: 0, bounced: 0, ignored: 0, problems: [] };
  for (const file of files) {
    summary.files++;
    try {
      const report = await parseBounce(await readFile(file));
      const notice = (report.key ? await getNotice(store, report.key) : undefined) ?? (report.messageId ? await findNoticeByMessageId(store, report.messageId) : undefined);
      if (!notice) {
        summary.problems.push({ where: file, message: 'no notice in the ledger matches this bounce (no idempotency key or Message-ID found)' });
        continue;
      }
      if (!report.permanent) {
        summary.ignored++;
        continue;
      }
      const reason = `bounce ${report.status ?? ''} ${report.diagnostic ?? ''}`.replace(/\s+/g, ' ').trim();
      if (await markBounced(store, notice.id, reason)) {
        summary.bounced++;
        await insertDrafts(store, [{ incidentId: notice.incident_id, customerId: notice.customer_id, channel: 'letter', locale: notice.locale }]);
        await appendAudit(store, { actor, action: 'notify.bounce', target: notice.incident_id, details: { notice: notice.id, status: report.status } });
      } else summary.ignored++;
    } catch (err) {
      summary.problems.push({ where: file, message: `cannot read bounce: ${(err as Error).message}` });
    }
  }
  return summary;
}
