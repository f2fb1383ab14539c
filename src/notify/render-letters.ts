// `notify letters`: PDF letters for customers without email and for those whose email bounced or
// failed. One file per customer or one merged print file, plus a CSV manifest (ids, locale, file,
// page; no names or addresses). Rendered letters are marked sent in the ledger.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { appendAudit } from '../audit/audit-log.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Store } from '../store/open-store.ts';
import { addLetter, finishDocument, newLetterDocument } from './letter-pdf.ts';
import { insertDrafts, listNotices } from './ledger-store.ts';
import { setState } from './ledger-transitions.ts';
import { buildNoticeContext, noticeLocale } from './notice-context.ts';
import { loadCustomerInputs, loadFakeDomains, loadNoticeFacts } from './notice-inputs.ts';
import type { OrgProfile } from './org-profile.ts';
import { TemplateRenderer } from './template-renderer.ts';

export interface LetterOptions {
  out: string;
  merge: boolean;
  org: OrgProfile;
  actor: string;
  /** Re-render letters already rendered before. */
  all?: boolean;
  renderer?: TemplateRenderer;
  onProgress?: (done: number, total: number) => void;
}

export interface LetterSummary {
  letters: number;
  files: number;
  manifest: string;
}

/** Drafts a letter for every email notice that bounced or failed. */
export async function draftLetterFallbacks(store: Store, incidentId: string): Promise<number> {
  const dead = await listNotices(store, incidentId, { channel: 'email', states: ['bounced', 'failed'] });
  return insertDrafts(store, dead.map((n) => ({ incidentId, customerId: n.customer_id, channel: 'letter' as const, locale: n.locale })));
}

export async function renderLetters(store: Store, keyring: Keyring, incidentId: string, opts: LetterOptions): Promise<LetterSummary> {
  const facts = await loadNoticeFacts(store, incidentId);
  await draftLetterFallbacks(store, incidentId);
  const rows = await listNotices(store, incidentId, { channel: 'letter', states: opts.all ? ['queued', 'sending', 'sent'] : ['queued', 'sending'] });
  await appendAudit(store, { actor: opts.actor, action: 'notify.letters', target: incidentId, details: { letters: rows.length, merge: opts.merge } });
  await mkdir(opts.out, { recursive: true });
  const renderer = opts.renderer ?? new TemplateRenderer();
  const fakeDomains = await loadFakeDomains(store);
  const manifest: string[][] = [['notice_id', 'customer_id', 'locale', 'file', 'page']];
  const merged = opts.merge ? newLetterDocument() : undefined;
  let files = 0;
  const rendered: string[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const page = rows.slice(i, i + 200);
    const inputs = await loadCustomerInputs(store, keyring, incidentId, page.map((r) => r.customer_id));
    const done: string[] = [];
    for (const row of page) {
      const input = inputs.get(row.customer_id);
      if (!input) continue;
      const locale = noticeLocale(input.customer.locale);
      const ctx = buildNoticeContext({ locale, org: opts.org, customerName: input.customer.name, postalAddress: input.customer.postal_address ?? '', fields: input.fields, facts, fakeDomains, reference: row.id });
      const text = renderer.render('letter', ctx);
      if (merged) {
        addLetter(merged, text);
        manifest.push([row.id, row.customer_id, locale, 'letters.pdf', String(rendered.length + 1)]);
      } else {
        const doc = newLetterDocument();
        addLetter(doc, text);
        const file = `letter-${row.customer_id.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`;
        await writeFile(join(opts.out, file), await finishDocument(doc));
        files++;
        manifest.push([row.id, row.customer_id, locale, file, '1']);
      }
      done.push(row.id);
      rendered.push(row.id);
    }
    if (!merged) await setState(store, done, 'sent', 'letter rendered');
    opts.onProgress?.(Math.min(i + page.length, rows.length), rows.length);
  }
  if (merged) {
    await writeFile(join(opts.out, 'letters.pdf'), await finishDocument(merged));
    files = 1;
    await setState(store, rendered, 'sent', 'letter rendered');
  }
  const manifestPath = join(opts.out, 'manifest.csv');
  await writeFile(manifestPath, stringify(manifest));
  return { letters: manifest.length - 1, files, manifest: manifestPath };
}
