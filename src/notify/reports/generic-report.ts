// A generic regulator report for jurisdictions without a form of their own: what happened, what
// data, how many people, cause, notices, contact and the duty the obligations engine found. Pure.
import { categoryLabel } from '../category-labels.ts';
import { accessWindow, affectedIn, causeOf, noticeProgress, obligationFor } from './report-facts.ts';
import { filled, finishReport, type Report, type ReportInput, toComplete } from './report-model.ts';

export function buildGenericReport(input: ReportInput): Report {
  const inc = input.incident;
  const persons = affectedIn(input, [input.jurisdiction]);
  const window = accessWindow(input);
  const cause = causeOf(input, 'en');
  const notices = noticeProgress(input, 'en');
  const duty = obligationFor(input, [input.jurisdiction, input.jurisdiction.split('-')[0] ?? '']);
  const fields = inc.scope?.fields ?? [];
  const items = [
    filled('overview', 'Overview', [`${inc.title}`, window ? `Access period (from logs): ${window}` : null, `Organisation became aware: ${inc.aware_at}`].filter(Boolean).join('\n'), 'incident'),
    fields.length ? filled('personal_data', 'Personal data involved', fields.map((f) => categoryLabel(f, 'en')).join(', '), 'scope') : toComplete('personal_data', 'Personal data involved', 'scope the incident first'),
    persons !== null ? filled('persons', `Number of persons (${input.jurisdiction})`, String(persons), 'scope') : toComplete('persons', `Number of persons (${input.jurisdiction})`, 'scope the incident first'),
    cause ? filled('cause', 'Cause', cause, 'facts') : toComplete('cause', 'Cause', 'the cause has not been established'),
    toComplete('risk', 'Risk of harm to individuals', 'assess the risk of harm'),
    notices ? filled('notices', 'Notice to individuals', notices, 'ledger') : toComplete('notices', 'Notice to individuals', 'no notices drafted yet'),
    toComplete('measures', 'Measures taken and planned', 'describe containment, remediation and prevention'),
    filled('contact', 'Contact point', `${input.org.name}, ${input.org.phone}, https://${input.org.domain}/`, 'config'),
    duty ? filled('duty', 'Legal basis and deadline', `${duty.law}: ${duty.recipient}; ${duty.deadline ?? duty.due}`, 'obligations') : toComplete('duty', 'Legal basis and deadline', 'no obligations decision for this jurisdiction'),
  ];
  return finishReport({
    form: 'generic',
    jurisdiction: input.jurisdiction,
    kind: input.kind,
    title: `Personal data breach report (${input.jurisdiction}, ${input.kind})`,
    incident_id: inc.id,
    generated_at: input.now,
    recipient: duty?.recipient ?? null,
    deadline: duty?.deadline ?? null,
    items,
  });
}
