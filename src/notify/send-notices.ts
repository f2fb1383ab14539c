// What every sending channel shares: the run's context factory and renderer, the audit entry
// for the PII the run decrypts, and the loop that claims windows of the channel's rows still to
// send, keeps at most WINDOWS_IN_FLIGHT windows sending, and records each window's outcomes in
// one transaction. The claimed windows are the only rows a crash can leave in doubt, so they
// bound the duplicates a rerun can send.
import { appendAudit } from '../audit/audit-log.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Store } from '../store/open-store.ts';
import { countNotices, type NoticeChannel } from './ledger-store.ts';
import { type Outcome, recordOutcomes } from './ledger-outcomes.ts';
import { type ClaimedNotice, claimWindow } from './ledger-transitions.ts';
import { type NoticeContext, type NoticeRecipient, noticeContextBuilder } from './notice-context.ts';
import { type CustomerNoticeInput, loadCustomerInputs, loadFakeDomains, loadNoticeFacts } from './notice-inputs.ts';
import type { OrgProfile } from './org-profile.ts';
import { TemplateRenderer } from './template-renderer.ts';

/** Claimed windows sending at once: with the window size, the bound on duplicates after a crash. */
export const WINDOWS_IN_FLIGHT = 3;

export interface SendCounts {
  sent: number;
  failed: number;
  retried: number;
  deferred?: number;
}

export interface ChannelRun<S extends SendCounts> {
  context: (r: NoticeRecipient) => NoticeContext;
  renderer: TemplateRenderer;
  summary: S;
}

export interface ChannelSend<S extends SendCounts> {
  channel: NoticeChannel;
  org: OrgProfile;
  actor: string;
  summary: S;
  window?: number | undefined;
  renderer?: TemplateRenderer | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Checked once the run is set up, before anything is claimed (a template check, say). */
  preflight?: (run: ChannelRun<S>) => void;
  /** Asked before each claim: true stops claiming (rows already claimed still finish). */
  stop?: () => boolean;
  sendOne: (row: ClaimedNotice, input: CustomerNoticeInput | undefined, run: ChannelRun<S>) => Promise<Outcome>;
}

export async function sendChannelNotices<S extends SendCounts>(store: Store, keyring: Keyring, incidentId: string, spec: ChannelSend<S>): Promise<S> {
  const run: ChannelRun<S> = {
    context: noticeContextBuilder({ org: spec.org, facts: await loadNoticeFacts(store, incidentId), fakeDomains: await loadFakeDomains(store) }),
    renderer: spec.renderer ?? new TemplateRenderer(),
    summary: spec.summary,
  };
  spec.preflight?.(run);
  const total = (await countNotices(store, incidentId, spec.channel)).queued;
  await appendAudit(store, { actor: spec.actor, action: 'notify.send', target: incidentId, details: { channel: spec.channel, pending: total } });
  const s = run.summary;
  const sendWindow = async (rows: ClaimedNotice[]): Promise<void> => {
    const inputs = await loadCustomerInputs(store, keyring, incidentId, rows.map((r) => r.customer_id));
    await recordOutcomes(store, await Promise.all(rows.map((r) => spec.sendOne(r, inputs.get(r.customer_id), run))));
    spec.onProgress?.(s.sent + s.failed + (s.deferred ?? 0), total);
  };
  const inFlight: Promise<void>[] = [];
  let after = '';
  while (!spec.stop?.()) {
    const rows = await claimWindow(store, incidentId, spec.channel, spec.window ?? 100, after);
    if (rows.length === 0) break;
    after = rows.at(-1)?.customer_id ?? after;
    inFlight.push(sendWindow(rows));
    if (inFlight.length >= WINDOWS_IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
  return s;
}
