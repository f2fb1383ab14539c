// The GDPR Art. 33(3) notification to a supervisory authority (EU/EEA member states; the UK
// GDPR asks the same): items (a)-(d), plus the reasons for delay Art. 33(1) asks for when the
// 72 hours have passed. Filled only from recorded data. Pure.
import { categoryLabel } from '../category-labels.ts';
import { accessWindow, affectedIn, causeOf, noticeProgress, obligationFor } from './report-facts.ts';
import { filled, finishReport, type Report, type ReportInput, toComplete } from './report-model.ts';

export const EEA = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO'];

export function buildGdprReport(input: ReportInput): Report {
  const inc = input.incident;
  const codes = input.jurisdiction === 'EU' ? EEA : [input.jurisdiction];
  const persons = affectedIn(input, codes);
  const fields = inc.scope?.fields ?? [];
  const cause = causeOf(input, 'en');
  const window = accessWindow(input);
  const notices = noticeProgress(input, 'en');
  const duty = obligationFor(input, codes);
  const deadline = duty?.deadline ?? new Date(Date.parse(inc.aware_at) + 72 * 3600_000).toISOString();
  const late = Date.parse(input.now) > Date.parse(deadline);
  const nature = [
    cause ? `Nature: ${cause}${input.vendorName ? ` at processor ${input.vendorName}` : ''}.` : null,
    window ? `Period of access (from logs): ${window}.` : null,
    fields.length ? `Categories of personal data: ${fields.map((f) => categoryLabel(f, 'en')).join(', ')}.` : null,
    persons !== null ? `Approximate number of data subjects: ${persons}. Approximate number of records: ${persons} customer records.` : null,
  ].filter((l): l is string => l !== null);
  const natureComplete = cause !== null && fields.length > 0 && persons !== null;
  const items = [
    natureComplete
      ? filled('a_nature', 'Art. 33(3)(a) nature of the breach, categories and approximate number of data subjects and records', nature.join('\n'), 'facts, scope')
      : toComplete('a_nature', 'Art. 33(3)(a) nature of the breach, categories and approximate number of data subjects and records', 'set the cause and scope the incident', nature.join('\n') || undefined),
    filled('b_contact', 'Art. 33(3)(b) name and contact details of the DPO or other contact point', `${input.org.name}, ${input.org.phone}, https://${input.org.domain}/`, 'config'),
    toComplete('c_consequences', 'Art. 33(3)(c) likely consequences of the breach', 'assess the likely consequences (e.g. phishing and fraud using the contact data)'),
    toComplete('d_measures', 'Art. 33(3)(d) measures taken or proposed, including to mitigate adverse effects', 'describe containment and remediation', notices ?? undefined),
  ];
  if (late) items.push(toComplete('delay_reasons', 'Art. 33(1) reasons for the delay (notified after 72 hours)', `the 72-hour deadline ${deadline} has passed; state the reasons`));
  return finishReport({
    form: 'GDPR-33',
    jurisdiction: input.jurisdiction,
    kind: input.kind,
    title: `Notification of a personal data breach to the supervisory authority (${input.jurisdiction}, ${input.kind})`,
    incident_id: inc.id,
    generated_at: input.now,
    recipient: duty?.recipient ?? null,
    deadline,
    items,
  });
}
