// The OpenAPI 3.1 document, generated from the route table: the same zod schemas that
// validate requests give the parameters and bodies, and each operation lists the roles that
// may call it (`x-roles`), so a test can walk every route against the role matrix.
import { z } from 'zod';
import { ROLES } from './auth/roles.ts';
import type { AnyRoute } from './route-def.ts';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const js = jsonSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

function operation(r: AnyRoute): Json {
  const roles = r.access === 'public' ? [] : [...r.access];
  const content = r.produces ?? 'application/json';
  return {
    summary: r.summary,
    operationId: `${r.method.toLowerCase()}${r.url.replace(/[/:{}]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    'x-roles': r.access === 'public' ? 'public' : roles,
    security: r.access === 'public' ? [] : [{ session: [] }, { bearer: [] }],
    parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
    ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } } : {}),
    responses: {
      '200': { description: 'OK', content: { [content]: { schema: r.response ? jsonSchema(r.response) : {} } } },
      ...(r.access === 'public' ? {} : { '401': { description: 'not logged in' }, '403': { description: 'role not allowed' } }),
      default: { description: 'problem', content: { 'application/problem+json': { schema: { type: 'object' } } } },
    },
  };
}

export function openApiDocument(routes: readonly AnyRoute[]): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...(paths[path] ?? {}), [r.method.toLowerCase()]: operation(r) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Warden API', version: '1', description: `Roles: ${ROLES.join(', ')}. Errors are application/problem+json.` },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'warden_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}
