// What the portal's routes call: each takes the session token from the cookie and the assessment
// id from the path, resolves the session (which must be for that very assessment), then reads or
// changes only that assessment. Nothing here trusts a vendor id sent by the client.
import { getVendor } from '../inventory/inventory-store.ts';
import type { Store } from '../store/open-store.ts';
import { getAssessment, saveAnswers, submitAssessment } from './assessment-store.ts';
import { WardenError } from '../errors.ts';
import { addEvidence, type EvidenceMeta, listEvidence } from './evidence-store.ts';
import { type PortalView, portalPage } from './portal-page.ts';
import type { Answers } from './questionnaire-model.ts';
import { csrfFor, csrfMatches } from './token-secret.ts';
import { portalSession } from './token-links.ts';

export async function portalHtml(store: Store, session: string | undefined, assessmentId: string): Promise<string> {
  const s = await portalSession(store, session, assessmentId);
  const a = await getAssessment(store, s.assessment_id);
  if (a.status === 'submitted' || a.status === 'scored') throw new WardenError('conflict', 'this assessment was already submitted', 'portal');
  const vendor = await getVendor(store, a.vendor_id);
  const view: PortalView = {
    assessment_id: a.id,
    vendor_name: vendor?.name ?? a.vendor_id,
    title: a.title,
    due_at: a.due_at,
    questions: a.questionnaire.questions,
    answers: a.answers,
    evidence: await listEvidence(store, a.id),
    csrf: csrfFor(session ?? ''),
  };
  return portalPage(view);
}

async function checked(store: Store, session: string | undefined, assessmentId: string, csrf: unknown): Promise<string> {
  const s = await portalSession(store, session, assessmentId);
  if (!csrfMatches(session ?? '', csrf)) throw new WardenError('forbidden', 'missing or wrong portal CSRF token', 'x-portal-csrf');
  return s.assessment_id;
}

export async function portalSaveAnswers(store: Store, session: string | undefined, assessmentId: string, csrf: unknown, answers: Answers): Promise<{ saved: number }> {
  const id = await checked(store, session, assessmentId, csrf);
  const a = await saveAnswers(store, id, answers);
  return { saved: Object.keys(a.answers).length };
}

export async function portalUpload(store: Store, session: string | undefined, assessmentId: string, csrf: unknown, file: { question_id: string; filename: string; data: string }): Promise<EvidenceMeta> {
  const id = await checked(store, session, assessmentId, csrf);
  return addEvidence(store, id, file.question_id, file.filename, Buffer.from(file.data, 'base64'));
}

export async function portalSubmit(store: Store, session: string | undefined, assessmentId: string, csrf: unknown): Promise<{ submitted: true }> {
  const id = await checked(store, session, assessmentId, csrf);
  const a = await getAssessment(store, id);
  await submitAssessment(store, id, `vendor-portal:${a.vendor_id}`);
  return { submitted: true };
}
