// What a route is: method, path, who may call it (`access`, the ONE authorisation mechanism),
// the zod schemas that both validate the request and generate the OpenAPI document, an
// optional audit action, and a handler that only hands off to capability functions.
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Keyring } from '../crypto/keyring.ts';
import type { Store } from '../store/open-store.ts';
import type { Principal } from './auth/session-store.ts';
import type { Access } from './auth/roles.ts';
import type { ViewCache } from './views/view-cache.ts';

export interface ServerDeps {
  store: Store;
  keyring: Keyring;
  /** Cookies get `Secure` when the server sits behind TLS. */
  secureCookies?: boolean;
  /** Login attempts per IP per minute before 429. */
  loginRateLimit?: number;
}

/** What handlers get: the caller's deps plus what the app builds once (the view cache). */
export interface AppDeps extends ServerDeps {
  views: ViewCache;
}

export interface RouteRequest<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal | undefined;
  deps: AppDeps;
  ip: string;
  cookies: Record<string, string | undefined>;
  /** Appends to the audit trail as the calling user. */
  audit(action: string, target: string, details?: Record<string, unknown>): Promise<void>;
}

export interface RouteDef<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify path syntax: `/api/incidents/:id`. */
  url: string;
  summary: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Documents the 200 answer in OpenAPI (not enforced at runtime). */
  response?: z.ZodType;
  /** Content type of the answer when not JSON. */
  produces?: string;
  /** Appended to the audit trail after a successful call; target is `:id` or the path. */
  audit?: string;
  rateLimit?: { max: number; timeWindowMs: number };
  handler(req: RouteRequest<z.infer<P>, z.infer<Q>, z.infer<B>>, reply: FastifyReply): Promise<unknown>;
}

// The registry erases each route's own generics; defineRoute keeps them for the handler.
export type AnyRoute = RouteDef<z.ZodType, z.ZodType, z.ZodType>;

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(def: RouteDef<P, Q, B>): AnyRoute {
  return def as unknown as AnyRoute;
}

export function isStateChanging(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}
