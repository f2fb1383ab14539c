// Evidence files attached to an assessment's file questions: checked (size, type, content),
// hashed (SHA-256) and stored in the database so both dialects and backups carry them.
import { randomUUID } from 'node:crypto';
import { WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import { type CheckedEvidence, checkEvidence, EVIDENCE_MAX_FILES } from './evidence-check.ts';
import { odb } from './oversee-db.ts';

export interface EvidenceMeta extends CheckedEvidence {
  id: string;
  assessment_id: string;
  question_id: string;
  uploaded_at: string;
}

export async function addEvidence(store: Store, assessmentId: string, questionId: string, filename: string, bytes: Buffer): Promise<EvidenceMeta> {
  const where = `evidence.${questionId}`;
  const db = odb(store);
  const a = await db.selectFrom('oversee_assessments').select(['questionnaire', 'status']).where('id', '=', assessmentId).executeTakeFirst();
  if (!a) throw new WardenError('not_found', `no assessment '${assessmentId}'`, 'assessment');
  if (a.status === 'submitted' || a.status === 'scored') throw new WardenError('conflict', 'the assessment was already submitted', 'assessment');
  const questions = (JSON.parse(a.questionnaire) as { questions: Array<{ id: string; type: string }> }).questions;
  if (!questions.some((q) => q.id === questionId && q.type === 'file')) throw new WardenError('bad_input', 'not a file-evidence question', where);
  const n = await db.selectFrom('oversee_evidence').select((eb) => eb.fn.countAll<string | number>().as('n')).where('assessment_id', '=', assessmentId).executeTakeFirst();
  if (Number(n?.n ?? 0) >= EVIDENCE_MAX_FILES) throw new WardenError('bad_input', `at most ${EVIDENCE_MAX_FILES} files per assessment`, where);
  const checked = checkEvidence(filename, bytes, where);
  const meta: EvidenceMeta = { ...checked, id: `ev-${randomUUID().slice(0, 8)}`, assessment_id: assessmentId, question_id: questionId, uploaded_at: new Date().toISOString() };
  await db.insertInto('oversee_evidence').values({ ...meta, content: bytes.toString('base64') }).execute();
  return meta;
}

export async function listEvidence(store: Store, assessmentId: string): Promise<EvidenceMeta[]> {
  return odb(store)
    .selectFrom('oversee_evidence')
    .select(['id', 'assessment_id', 'question_id', 'filename', 'mime', 'size', 'sha256', 'uploaded_at'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('uploaded_at')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, size: Number(r.size) })));
}

export async function readEvidence(store: Store, id: string): Promise<{ meta: EvidenceMeta; bytes: Buffer }> {
  const r = await odb(store).selectFrom('oversee_evidence').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new WardenError('not_found', `no evidence '${id}'`, 'evidence');
  const { content, ...meta } = r;
  return { meta: { ...meta, size: Number(meta.size) }, bytes: Buffer.from(content, 'base64') };
}

export function evidenceCounts(items: readonly EvidenceMeta[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of items) out[e.question_id] = (out[e.question_id] ?? 0) + 1;
  return out;
}
