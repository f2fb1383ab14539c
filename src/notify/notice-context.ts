// Builds what a notice template sees for one customer: pure data in, plain strings out (labels,
// dates already formatted for the locale). Per-customer `fields` decide what is named as involved.
import { DateTime } from 'luxon';
import { categoryLabel, type NoticeLocale, REASSURE_CATEGORIES } from './category-labels.ts';
import type { OrgProfile } from './org-profile.ts';

export interface NoticeFacts {
  incidentId: string;
  title: string;
  awareAt: string;
  firstAccess: string | null;
  lastAccess: string | null;
  vendorName: string | null;
}

export interface NoticeContext {
  locale: NoticeLocale;
  org: OrgProfile & { url: string };
  customer: { name: string; postalAddress: string };
  incident: { period: string; awareDate: string; vendorName: string | null };
  involved: string[];
  notInvolved: string[];
  fakeDomains: string[];
  reference: string;
}

const SUPPORTED: NoticeLocale[] = ['ja', 'en'];

/** `ja-JP` -> ja, `en_GB` -> en, anything else falls back to English. */
export function noticeLocale(customerLocale: string | null | undefined): NoticeLocale {
  const lang = (customerLocale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (SUPPORTED as string[]).includes(lang) ? (lang as NoticeLocale) : 'en';
}

// A send formats the same few incident dates for every notice: memoised (luxon is slow per call).
const formatted = new Map<string, string>();

export function formatDate(iso: string, locale: NoticeLocale, zone: string): string {
  const key = `${iso}|${locale}|${zone}`;
  const hit = formatted.get(key);
  if (hit !== undefined) return hit;
  const d = DateTime.fromISO(iso, { zone });
  const out = !d.isValid ? iso : locale === 'ja' ? d.toFormat('yyyy年M月d日') : d.setLocale('en-GB').toFormat('d MMMM yyyy');
  if (formatted.size < 1000) formatted.set(key, out);
  return out;
}

function period(facts: NoticeFacts, locale: NoticeLocale, zone: string): string {
  const from = facts.firstAccess ? formatDate(facts.firstAccess, locale, zone) : null;
  const to = facts.lastAccess ? formatDate(facts.lastAccess, locale, zone) : null;
  if (from && to && from !== to) return locale === 'ja' ? `${from}から${to}まで` : `between ${from} and ${to}`;
  if (from) return locale === 'ja' ? `${from}` : `on ${from}`;
  return locale === 'ja' ? '調査中の期間' : 'during a period still under investigation';
}

/** Defangs a domain so mail clients do not turn a phishing domain into a link. */
export function defang(domain: string): string {
  return domain.replace(/\./g, '[.]');
}

export interface NoticeBase {
  org: OrgProfile;
  facts: NoticeFacts;
  fakeDomains: string[];
}

export interface NoticeRecipient {
  locale: NoticeLocale;
  customerName: string;
  postalAddress?: string;
  fields: string[];
  reference: string;
}

type Shared = Pick<NoticeContext, 'org' | 'incident' | 'fakeDomains'>;
type FieldLabels = Pick<NoticeContext, 'involved' | 'notInvolved'>;

/**
 * One send's context factory: the parts every notice of a locale shares (organisation, incident
 * dates, fake domains) and the labels of each distinct field set are built once and shared
 * (frozen, so a template cannot change another customer's notice).
 */
export function noticeContextBuilder(base: NoticeBase): (r: NoticeRecipient) => NoticeContext {
  const shared = new Map<NoticeLocale, Shared>();
  const labels = new Map<string, FieldLabels>();
  const sharedFor = (locale: NoticeLocale): Shared => {
    let s = shared.get(locale);
    if (!s) {
      const { org, facts } = base;
      s = Object.freeze({
        org: Object.freeze({ ...org, url: `https://${org.domain}/` }),
        incident: Object.freeze({ period: period(facts, locale, org.timeZone), awareDate: formatDate(facts.awareAt, locale, org.timeZone), vendorName: facts.vendorName }),
        fakeDomains: Object.freeze(base.fakeDomains.map(defang)) as string[],
      });
      shared.set(locale, s);
    }
    return s;
  };
  const labelsFor = (locale: NoticeLocale, fields: string[]): FieldLabels => {
    const key = `${locale}|${fields.join(',')}`;
    let l = labels.get(key);
    if (!l) {
      const involved = [...new Set(fields)];
      l = {
        involved: Object.freeze(involved.map((f) => categoryLabel(f, locale))) as string[],
        notInvolved: Object.freeze(REASSURE_CATEGORIES.filter((c) => !involved.includes(c)).map((c) => categoryLabel(c, locale))) as string[],
      };
      if (labels.size < 10_000) labels.set(key, l);
    }
    return l;
  };
  return (r) => {
    const s = sharedFor(r.locale);
    const l = labelsFor(r.locale, r.fields);
    // Spelled out rather than spread: one object shape for every notice keeps rendering monomorphic.
    return {
      locale: r.locale,
      org: s.org,
      customer: { name: r.customerName, postalAddress: r.postalAddress ?? '' },
      incident: s.incident,
      involved: l.involved,
      notInvolved: l.notInvolved,
      fakeDomains: s.fakeDomains,
      reference: r.reference.slice(0, 12).toUpperCase(),
    };
  };
}

export function buildNoticeContext(input: NoticeBase & NoticeRecipient): NoticeContext {
  return noticeContextBuilder(input)(input);
}
