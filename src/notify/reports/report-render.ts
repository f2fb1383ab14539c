// Renders a report draft as Markdown or PDF (JSON is the Report itself). Items to be completed
// stand out as "[TO BE COMPLETED]" with the note saying what is missing.
import { addLetter, finishDocument, newLetterDocument } from '../letter-pdf.ts';
import type { Report } from './report-model.ts';

export const TO_BE_COMPLETED = '[TO BE COMPLETED]';

export function reportToMarkdown(r: Report): string {
  const out = [
    `# ${r.title}`,
    '',
    `- Incident: ${r.incident_id}`,
    `- Jurisdiction: ${r.jurisdiction} (form ${r.form}, ${r.kind})`,
    `- Recipient: ${r.recipient ?? TO_BE_COMPLETED}`,
    `- Deadline: ${r.deadline ?? TO_BE_COMPLETED}`,
    `- Generated: ${r.generated_at}`,
    `- Items to be completed: ${r.missing.length ? r.missing.join(', ') : 'none'}`,
    '',
  ];
  r.items.forEach((item, i) => {
    out.push(`## ${i + 1}. ${item.label}`, '');
    if (item.status === 'filled') out.push(item.value ?? '', '');
    else {
      out.push(`**${TO_BE_COMPLETED}** ${item.note ?? ''}`.trim(), '');
      if (item.value) out.push(`Known so far: ${item.value}`, '');
    }
  });
  return `${out.join('\n').trimEnd()}\n`;
}

export async function reportToPdf(r: Report): Promise<Buffer> {
  const doc = newLetterDocument();
  const text = reportToMarkdown(r)
    .split('\n')
    .map((l) => (l.startsWith('#') ? `■ ${l.replace(/^#+\s*/, '')}` : l))
    .join('\n');
  addLetter(doc, text);
  return finishDocument(doc);
}
