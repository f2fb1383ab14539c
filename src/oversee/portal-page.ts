// The vendor portal's HTML, rendered on the server: one assessment as an accessible form
// (fieldsets, legends, labels), every value escaped. Behaviour lives in portal-script.ts, served
// as a same-origin file because the CSP allows no inline script. Pure.
import type { EvidenceMeta } from './evidence-store.ts';
import { EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES } from './evidence-check.ts';
import { visibleQuestions } from './question-conditions.ts';
import { type Answers, optionsOf, type Question } from './questionnaire-model.ts';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
fieldset{border:1px solid #bbb;border-radius:6px;margin:1rem 0;padding:.75rem 1rem}legend{font-weight:600;padding:0 .25rem}
label{display:block;margin:.2rem 0}textarea{width:100%;min-height:4rem}.hint{color:#555;font-size:.9rem}
form{counter-reset:q}fieldset.q:not([hidden]){counter-increment:q}fieldset.q legend::before{content:counter(q) ". "}
button{font-size:1rem;padding:.4rem 1rem;margin-right:.5rem}#status{margin:1rem 0;font-weight:600}:focus{outline:3px solid #1a5fb4}`;

export function page(title: string, body: string, scripts = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style>${scripts}</head><body><main>${body}</main></body></html>`;
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

function inputs(q: Question, value: Answers[string] | undefined, files: EvidenceMeta[]): string {
  const name = escapeHtml(q.id);
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (q.type === 'yes_no' || q.type === 'choice' || q.type === 'multi_choice') {
    const kind = q.type === 'multi_choice' ? 'checkbox' : 'radio';
    return optionsOf(q)
      .map((o) => {
        const id = escapeHtml(`${q.id}--${o.id}`);
        const checked = values.includes(o.id) ? ' checked' : '';
        return `<label for="${id}"><input type="${kind}" id="${id}" name="${name}" value="${escapeHtml(o.id)}"${checked}> ${escapeHtml(o.label)}</label>`;
      })
      .join('');
  }
  if (q.type === 'text') return `<textarea id="${name}--text" name="${name}" aria-labelledby="${name}--legend">${escapeHtml(values[0] ?? '')}</textarea>`;
  if (q.type === 'date') return `<input type="date" id="${name}--date" name="${name}" aria-labelledby="${name}--legend" value="${escapeHtml(values[0] ?? '')}">`;
  const list = files.map((f) => `<li>${escapeHtml(f.filename)} (${f.size} bytes, sha256 ${escapeHtml(f.sha256.slice(0, 12))}…)</li>`).join('');
  return `<input type="file" id="${name}--file" name="${name}" aria-labelledby="${name}--legend" aria-describedby="${name}--hint" accept="${EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(',')}">
<button type="button" data-upload="${name}">Upload file</button>
<p class="hint" id="${name}--hint">Up to ${Math.floor(EVIDENCE_MAX_BYTES / 1024)} KiB; ${EVIDENCE_EXTENSIONS.join(', ')}.</p><ul class="files" aria-live="polite">${list}</ul>`;
}

export interface PortalView {
  assessment_id: string;
  vendor_name: string;
  title: string;
  due_at: string;
  questions: Question[];
  answers: Answers;
  evidence: EvidenceMeta[];
  csrf: string;
}

export function portalPage(v: PortalView): string {
  const shown = new Set(visibleQuestions(v.questions, v.answers).map((q) => q.id));
  const items = v.questions
    .map((q) => {
      const cond = q.show_if ? ` data-show-if="${escapeHtml(JSON.stringify(q.show_if))}"` : '';
      const help = q.help ? `<p class="hint">${escapeHtml(q.help)}</p>` : '';
      const files = v.evidence.filter((e) => e.question_id === q.id);
      return `<fieldset class="q" id="q-${escapeHtml(q.id)}" data-q="${escapeHtml(q.id)}" data-type="${q.type}"${cond}${shown.has(q.id) ? '' : ' hidden'}>
<legend id="${escapeHtml(q.id)}--legend">${escapeHtml(q.text)}</legend>${help}${inputs(q, v.answers[q.id], files)}</fieldset>`;
    })
    .join('\n');
  const body = `<h1>Security assessment for ${escapeHtml(v.vendor_name)}</h1>
<p>${escapeHtml(v.title)}. Due <time datetime="${escapeHtml(v.due_at)}">${escapeHtml(v.due_at.slice(0, 10))}</time>. Your answers are kept as a draft until you submit; questions appear or disappear as you answer.</p>
<form id="portal" data-assessment="${escapeHtml(v.assessment_id)}" data-csrf="${escapeHtml(v.csrf)}" novalidate>
${items}
<div id="status" role="status" aria-live="polite"></div>
<button type="button" id="save">Save draft</button><button type="button" id="submit">Submit assessment</button>
</form>`;
  return page(`Assessment — ${v.vendor_name}`, body, '<script src="/portal/assets/portal.js" defer></script>');
}
