// Vendor oversight over HTTP: tiers and overrides, vendor risk (residual explained, signals,
// trend), questionnaires (list, export, edit), assessments (start with a portal link, answer as a
// `vendor` user for its own vendor only, submit, score), findings, reviews. Portal routes follow.
import { z } from 'zod';
import { getVendor } from '../../inventory/inventory-store.ts';
import { getAssessment, listAssessments, saveAnswers, submitAssessment } from '../../oversee/assessment-store.ts';
import { assessmentReportPage } from '../../oversee/assessment-report-page.ts';
import { listEvidence, readEvidence } from '../../oversee/evidence-store.ts';
import { FINDING_STATUSES } from '../../oversee/findings-plan.ts';
import { listFindings, updateFinding } from '../../oversee/findings-store.ts';
import { TIERS } from '../../oversee/inherent-risk.ts';
import { getQuestionnaire, listQuestionnaires, saveQuestionnaire } from '../../oversee/library.ts';
import { AnswersSchema, QuestionnaireSchema } from '../../oversee/questionnaire-model.ts';
import { REVIEW_DECISIONS } from '../../oversee/review-cadence.ts';
import { listReviews, recordReview, upcomingReviews } from '../../oversee/reviews-store.ts';
import { scoreAndRecord } from '../../oversee/score-assessment.ts';
import { startAssessment } from '../../oversee/start-assessment.ts';
import { listVendorTiers, overrideTier } from '../../oversee/tier-store.ts';
import { issueLink } from '../../oversee/token-links.ts';
import { vendorRisk } from '../../oversee/vendor-risk.ts';
import type { Principal } from '../auth/session-store.ts';
import { READERS, RESPONDERS, type Role } from '../auth/roles.ts';
import { fail } from '../problem.ts';
import { actorOf } from '../register-routes.ts';
import { defineRoute } from '../route-def.ts';
import { routes as portalRoutes } from './oversee-portal.ts';
import { definedOnly, IdParams, IsoTime } from './schemas.ts';

const READERS_AND_VENDOR: readonly Role[] = [...READERS, 'vendor'];
const RESPONDERS_AND_VENDOR: readonly Role[] = [...RESPONDERS, 'vendor'];

/** A `vendor` user reaches only its own vendor's assessments; others see "not found". */
function ownVendorOnly(p: Principal | undefined, vendorId: string): void {
  if (p?.role === 'vendor' && p.vendorId !== vendorId) fail('not_found', 'no such assessment', 'assessment');
}

function portalUrl(token: string): string {
  return `/portal/open/${token}`;
}

const analystRoutes = [
  defineRoute({
    method: 'GET', url: '/api/oversee/tiers', summary: 'every vendor\'s inherent risk and tier, explained', access: READERS,
    handler: async (req) => listVendorTiers(req.deps.store),
  }),
  defineRoute({
    method: 'PUT', url: '/api/oversee/vendors/:id/tier', summary: 'override a vendor\'s tier (with a reason), or clear it with tier null', access: RESPONDERS, params: IdParams,
    body: z.object({ tier: z.enum(TIERS).nullable(), reason: z.string().max(2000).default('') }),
    handler: async (req) => overrideTier(req.deps.store, req.params.id, req.body.tier, req.body.reason, actorOf(req.principal)),
  }),
  defineRoute({
    method: 'GET', url: '/api/oversee/vendors/:id/risk', summary: 'residual risk line by line, signals, trend and open findings', access: READERS, params: IdParams,
    handler: async (req) => vendorRisk(req.deps.store, req.params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/oversee/questionnaires', summary: 'the questionnaire library (shipped and imported)', access: READERS,
    handler: async (req) => (await listQuestionnaires(req.deps.store)).map((q) => ({ id: q.id, name: q.name, source: q.source, license: q.license, origin: q.origin, questions: q.questions.length })),
  }),
  defineRoute({
    method: 'GET', url: '/api/oversee/questionnaires/:id', summary: 'export one questionnaire', access: READERS, params: IdParams,
    handler: async (req) => getQuestionnaire(req.deps.store, req.params.id),
  }),
  defineRoute({
    method: 'PUT', url: '/api/oversee/questionnaires/:id', summary: 'save an edited questionnaire', access: RESPONDERS, params: IdParams, body: QuestionnaireSchema, audit: 'oversee.questionnaire.edit',
    handler: async (req) => {
      if (req.body.id !== req.params.id) fail('bad_input', 'id in body and path differ', 'body.id');
      await saveQuestionnaire(req.deps.store, req.body, 'edited');
      return getQuestionnaire(req.deps.store, req.params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/oversee/assessments', summary: 'start an assessment and get its single-use portal link (shown once)', access: RESPONDERS,
    body: z.object({ vendor_id: z.string().min(1), questionnaires: z.array(z.string().min(1)).optional(), contact_email: z.email().optional(), due_at: IsoTime.optional() }),
    handler: async (req) => {
      const { vendor_id, ...rest } = req.body;
      const r = await startAssessment(req.deps.store, vendor_id, definedOnly(rest), actorOf(req.principal));
      return { id: r.assessment.id, vendor_id, due_at: r.assessment.due_at, contact_email: r.assessment.contact_email, portal_url: portalUrl(r.token), expires_at: r.expires_at };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/oversee/assessments/:id/link', summary: 'issue a fresh single-use portal link', access: RESPONDERS, params: IdParams, audit: 'oversee.assessment.link',
    handler: async (req) => {
      const l = await issueLink(req.deps.store, req.params.id);
      return { portal_url: portalUrl(l.token), expires_at: l.expires_at };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/oversee/assessments', summary: 'assessments (a vendor user sees its own vendor\'s only)', access: READERS_AND_VENDOR,
    query: z.object({ vendor_id: z.string().optional() }),
    handler: async (req) => {
      const p = req.principal;
      const vendor = p?.role === 'vendor' ? (p.vendorId ?? '\u0000none') : req.query.vendor_id;
      const all = await listAssessments(req.deps.store, vendor ? { vendor_id: vendor } : {});
      return all.map((a) => ({ id: a.id, vendor_id: a.vendor_id, title: a.title, status: a.status, due_at: a.due_at, submitted_at: a.submitted_at, score: a.score?.score ?? null }));
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/oversee/assessments/:id', summary: 'one assessment with questions, answers and score', access: READERS_AND_VENDOR, params: IdParams,
    handler: async (req) => {
      const a = await getAssessment(req.deps.store, req.params.id);
      ownVendorOnly(req.principal, a.vendor_id);
      return a;
    },
  }),
  defineRoute({
    method: 'PUT', url: '/api/oversee/assessments/:id/answers', summary: 'save draft answers', access: RESPONDERS_AND_VENDOR, params: IdParams, body: z.object({ answers: AnswersSchema }),
    handler: async (req) => {
      ownVendorOnly(req.principal, (await getAssessment(req.deps.store, req.params.id)).vendor_id);
      const a = await saveAnswers(req.deps.store, req.params.id, req.body.answers);
      return { saved: Object.keys(a.answers).length };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/oversee/assessments/:id/submit', summary: 'submit an assessment', access: RESPONDERS_AND_VENDOR, params: IdParams,
    handler: async (req) => {
      ownVendorOnly(req.principal, (await getAssessment(req.deps.store, req.params.id)).vendor_id);
      const a = await submitAssessment(req.deps.store, req.params.id, actorOf(req.principal));
      return { id: a.id, status: a.status, submitted_at: a.submitted_at };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/oversee/assessments/:id/score', summary: 'score a submitted assessment and raise its findings', access: RESPONDERS, params: IdParams,
    handler: async (req) => scoreAndRecord(req.deps.store, req.params.id, actorOf(req.principal)),
  }),
  defineRoute({
    method: 'GET', url: '/oversee/assessments/:id', summary: 'analyst page: an assessment\'s score, control gaps and findings (HTML)', access: READERS, params: IdParams, produces: 'text/html',
    handler: async (req, reply) => {
      const a = await getAssessment(req.deps.store, req.params.id);
      const vendor = await getVendor(req.deps.store, a.vendor_id);
      const html = assessmentReportPage(a, vendor?.name ?? a.vendor_id, await listFindings(req.deps.store, { assessment_id: a.id }));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/oversee/assessments/:id/evidence', summary: 'evidence files of an assessment (names, sizes, SHA-256)', access: READERS, params: IdParams,
    handler: async (req) => listEvidence(req.deps.store, (await getAssessment(req.deps.store, req.params.id)).id),
  }),
  defineRoute({
    method: 'GET', url: '/api/oversee/evidence/:id', summary: 'download one evidence file (as an attachment)', access: READERS, params: IdParams, produces: 'application/octet-stream', audit: 'oversee.evidence.download',
    handler: async (req, reply) => {
      const { meta, bytes } = await readEvidence(req.deps.store, req.params.id);
      return reply
        .type(meta.mime)
        .header('content-disposition', `attachment; filename="${meta.filename.replace(/"/g, '')}"`)
        .header('x-content-sha256', meta.sha256)
        .send(bytes);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/oversee/findings', summary: 'findings from assessments', access: READERS,
    query: z.object({ vendor_id: z.string().optional(), status: z.enum(FINDING_STATUSES).optional(), assessment_id: z.string().optional() }),
    handler: async (req) => listFindings(req.deps.store, definedOnly(req.query)),
  }),
  defineRoute({
    method: 'PUT', url: '/api/oversee/findings/:id', summary: 'change a finding\'s status, owner or due date', access: RESPONDERS, params: IdParams,
    body: z.object({ status: z.enum(FINDING_STATUSES).optional(), owner: z.string().min(1).max(200).optional(), due_at: IsoTime.optional() }),
    handler: async (req) => updateFinding(req.deps.store, req.params.id, definedOnly(req.body), actorOf(req.principal)),
  }),
  defineRoute({
    method: 'GET', url: '/api/oversee/reviews', summary: 'upcoming vendor reviews, soonest first (the deadline board\'s rows)', access: READERS,
    handler: async (req) => upcomingReviews(req.deps.store, new Date()),
  }),
  defineRoute({
    method: 'GET', url: '/api/oversee/vendors/:id/reviews', summary: 'a vendor\'s review records', access: READERS, params: IdParams,
    handler: async (req) => listReviews(req.deps.store, req.params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/oversee/vendors/:id/reviews', summary: 'record a review: decision (continue / remediate / exit) and approver', access: RESPONDERS, params: IdParams,
    body: z.object({ decision: z.enum(REVIEW_DECISIONS), approver: z.string().min(1).max(200), notes: z.string().max(4000).optional() }),
    handler: async (req) => recordReview(req.deps.store, { vendor_id: req.params.id, ...definedOnly(req.body), decision: req.body.decision, approver: req.body.approver }, actorOf(req.principal)),
  }),
];

export const routes = [...analystRoutes, ...portalRoutes];
