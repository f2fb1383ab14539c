// Sentences built from the incident's recorded facts, shared by the report forms. Pure; each
// returns null when the data does not say, so the caller marks the item to be completed.
import type { ReportInput } from './report-model.ts';

export const CAUSE_TEXT: Record<string, { ja: string; en: string }> = {
  unauthorized_access: { ja: '第三者による不正アクセス', en: 'unauthorised access by a third party' },
  ransomware: { ja: 'ランサムウェア', en: 'ransomware' },
  malware: { ja: 'マルウェア感染', en: 'malware infection' },
  insider_misuse: { ja: '内部者による不正な持ち出し', en: 'misuse by an insider' },
  lost_device: { ja: '端末の紛失・盗難', en: 'lost or stolen device' },
  misdelivery: { ja: '誤送付', en: 'misdelivery' },
  accidental_disclosure: { ja: '誤った公開・開示', en: 'accidental disclosure' },
};

export function affectedIn(input: ReportInput, codes: string[] | 'all'): number | null {
  const scope = input.incident.scope;
  if (!scope) return null;
  if (codes === 'all') return scope.affected.total;
  return codes.reduce((n, c) => n + (scope.by_jurisdiction[c] ?? 0), 0);
}

export function accessWindow(input: ReportInput): string | null {
  const s = input.incident.scope?.events;
  const first = s?.first ?? input.incident.facts.began_at ?? null;
  const last = s?.last ?? null;
  if (!first) return null;
  return last ? `${first} – ${last}` : `from ${first}`;
}

export function causeOf(input: ReportInput, lang: 'ja' | 'en'): string | null {
  if (!input.factsSet.includes('cause')) return null;
  return CAUSE_TEXT[input.incident.facts.cause]?.[lang] ?? input.incident.facts.cause;
}

export function noticeProgress(input: ReportInput, lang: 'ja' | 'en'): string | null {
  const n = input.notices;
  const total = n.queued + n.sent + n.failed + n.bounced;
  if (total === 0) return null;
  const parts = Object.entries(n.by_channel).map(([ch, c]) => `${ch}: ${c.sent} sent, ${c.queued} queued, ${c.failed} failed, ${c.bounced} bounced`);
  return lang === 'ja' ? `本人通知（台帳より）: ${parts.join('; ')}` : `Notices to individuals (from the delivery ledger): ${parts.join('; ')}`;
}

export function obligationFor(input: ReportInput, codes: string[]): { recipient: string; deadline: string | null; due: string; law: string } | null {
  const row = input.obligations?.find((o) => codes.includes(o.jurisdiction) && o.notify === 'regulator');
  return row ? { recipient: row.recipient, deadline: row.deadline, due: row.due, law: row.law } : null;
}
