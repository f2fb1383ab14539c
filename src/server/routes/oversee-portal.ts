// The vendor portal (no account): /portal/open/:token redeems a single-use link into a session
// cookie scoped to one assessment; the page, drafts, evidence uploads and submit all resolve that
// session and the path's assessment id together. HTML answers for pages, problem+json for calls.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorMessage, WardenError } from '../../errors.ts';
import { AnswersSchema } from '../../oversee/questionnaire-model.ts';
import { messagePage } from '../../oversee/portal-page.ts';
import { PORTAL_SCRIPT } from '../../oversee/portal-script.ts';
import { portalHtml, portalSaveAnswers, portalSubmit, portalUpload } from '../../oversee/portal-service.ts';
import { redeemLink } from '../../oversee/token-links.ts';
import { defineRoute } from '../route-def.ts';
import { IdParams } from './schemas.ts';

export const PORTAL_COOKIE = 'warden_portal';
const CSRF_HEADER = 'x-portal-csrf';

function htmlError(reply: FastifyReply, err: unknown): FastifyReply {
  const code = err instanceof WardenError ? err.code : 'internal';
  const status = code === 'unauthenticated' ? 401 : code === 'not_found' ? 404 : code === 'conflict' ? 409 : code === 'forbidden' ? 403 : 500;
  const message = status === 500 ? 'Something went wrong; please try again later.' : errorMessage(err).replace(/^[^:]*: /, '');
  return reply.code(status).type('text/html; charset=utf-8').send(messagePage('Security assessment', message));
}

const csrfOf = (reply: FastifyReply) => reply.request.headers[CSRF_HEADER];

export const routes = [
  defineRoute({
    method: 'GET',
    url: '/portal/open/:token',
    summary: 'vendor portal: redeem a single-use assessment link',
    access: 'public',
    params: z.object({ token: z.string().min(1).max(200) }),
    produces: 'text/html',
    rateLimit: { max: 30, timeWindowMs: 60_000 },
    handler: async (req, reply) => {
      try {
        const s = await redeemLink(req.deps.store, req.params.token);
        reply.setCookie(PORTAL_COOKIE, s.session, {
          path: '/portal', httpOnly: true, sameSite: 'strict', secure: req.deps.secureCookies === true, expires: new Date(s.expires_at),
        });
        return reply.code(303).header('cache-control', 'no-store').redirect(`/portal/a/${encodeURIComponent(s.assessment_id)}`, 303);
      } catch (err) {
        return htmlError(reply, err);
      }
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/portal/a/:id',
    summary: 'vendor portal: the assessment form',
    access: 'public',
    params: IdParams,
    produces: 'text/html',
    handler: async (req, reply) => {
      try {
        const html = await portalHtml(req.deps.store, req.cookies[PORTAL_COOKIE], req.params.id);
        return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
      } catch (err) {
        return htmlError(reply, err);
      }
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/portal/assets/portal.js',
    summary: 'vendor portal: its script',
    access: 'public',
    produces: 'application/javascript',
    handler: async (_req, reply) => reply.type('application/javascript; charset=utf-8').header('cache-control', 'no-cache').send(PORTAL_SCRIPT),
  }),
  defineRoute({
    method: 'PUT',
    url: '/portal/a/:id/answers',
    summary: 'vendor portal: save draft answers',
    access: 'public',
    params: IdParams,
    body: z.object({ answers: AnswersSchema }),
    handler: async (req, reply) => portalSaveAnswers(req.deps.store, req.cookies[PORTAL_COOKIE], req.params.id, csrfOf(reply), req.body.answers),
  }),
  defineRoute({
    method: 'POST',
    url: '/portal/a/:id/evidence',
    summary: 'vendor portal: upload an evidence file (base64)',
    access: 'public',
    params: IdParams,
    body: z.object({ question_id: z.string().min(1).max(200), filename: z.string().min(1).max(300), data: z.string().max(1_000_000) }),
    rateLimit: { max: 60, timeWindowMs: 60_000 },
    handler: async (req, reply) => portalUpload(req.deps.store, req.cookies[PORTAL_COOKIE], req.params.id, csrfOf(reply), req.body),
  }),
  defineRoute({
    method: 'POST',
    url: '/portal/a/:id/submit',
    summary: 'vendor portal: submit the assessment (ends the session)',
    access: 'public',
    params: IdParams,
    handler: async (req, reply) => {
      const r = await portalSubmit(req.deps.store, req.cookies[PORTAL_COOKIE], req.params.id, csrfOf(reply));
      reply.clearCookie(PORTAL_COOKIE, { path: '/portal' });
      return r;
    },
  }),
];
