// The analyst's page for one assessment: score, per-control gaps, and the findings it raised,
// rendered on the server and escaped. Pure: takes what the routes read and returns HTML.
import type { Assessment } from './assessment-store.ts';
import type { Finding } from './findings-store.ts';
import { escapeHtml, page } from './portal-page.ts';

export function assessmentReportPage(a: Assessment, vendorName: string, findings: Finding[]): string {
  const s = a.score;
  const head = `<h1>Assessment of ${escapeHtml(vendorName)}</h1><p>${escapeHtml(a.title)} — status <strong>${escapeHtml(a.status)}</strong>${a.submitted_at ? `, submitted ${escapeHtml(a.submitted_at.slice(0, 10))}` : ''}.</p>`;
  if (!s) return page(`Assessment ${a.id}`, `${head}<p>Not scored yet.</p>`);
  const gaps = s.controls
    .filter((c) => c.gap > 0)
    .map((c) => `<tr><th scope="row">${escapeHtml(c.control)}</th><td>${c.earned} / ${c.possible}</td><td>${escapeHtml(c.failing.join(', '))}</td></tr>`)
    .join('');
  const rows = findings
    .map((f) => `<tr><td>${escapeHtml(f.severity)}</td><td>${escapeHtml(f.title)}</td><td>${escapeHtml(f.owner)}</td><td>${escapeHtml(f.due_at.slice(0, 10))}</td><td>${escapeHtml(f.status)}</td></tr>`)
    .join('');
  const body = `${head}
<h2>Score</h2><p id="score">Score: <strong>${s.score}%</strong> (${s.earned} of ${s.possible} points; ${s.unanswered} of ${s.visible} shown questions unanswered)</p>
<h2>Control gaps</h2><table><thead><tr><th scope="col">Control</th><th scope="col">Earned</th><th scope="col">Failing questions</th></tr></thead><tbody>${gaps}</tbody></table>
<h2>Findings</h2><table id="findings"><thead><tr><th scope="col">Severity</th><th scope="col">Finding</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table>`;
  return page(`Assessment ${a.id}`, body);
}
