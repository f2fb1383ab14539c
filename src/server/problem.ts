// Errors as RFC 9457 problem+json: WardenError codes map to HTTP statuses in this one place;
// anything unexpected is a 500 whose message stays in the log, not in the answer.
import type { FastifyReply } from 'fastify';
import { type ErrorCode, WardenError } from '../errors.ts';

const STATUS: Record<ErrorCode, number> = {
  bad_usage: 400,
  bad_input: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  crypto: 500,
  store: 500,
  internal: 500,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  429: 'Too many requests',
  500: 'Internal error',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  where?: string;
}

export function problemOf(err: unknown, instance?: string): Problem {
  if (err instanceof WardenError) {
    const status = STATUS[err.code];
    const detail = status >= 500 ? 'the server could not complete the request' : err.message;
    return { type: `urn:warden:problem:${err.code}`, title: TITLES[status] ?? 'Error', status, detail, code: err.code, ...(err.where ? { where: err.where } : {}), ...(instance ? { instance } : {}) };
  }
  const status = typeof (err as { statusCode?: unknown })?.statusCode === 'number' ? (err as { statusCode: number }).statusCode : 500;
  const detail = status < 500 && err instanceof Error ? err.message : 'the server could not complete the request';
  return { type: `urn:warden:problem:http-${status}`, title: TITLES[status] ?? 'Error', status, detail, code: status >= 500 ? 'internal' : 'http', ...(instance ? { instance } : {}) };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json').send(p);
}

export function fail(code: ErrorCode, message: string, where?: string): never {
  throw new WardenError(code, message, where);
}
