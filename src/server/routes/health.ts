// Liveness: `GET /api/health` answers without auth and touches nothing but the process.
import { z } from 'zod';
import { defineRoute } from '../route-def.ts';

export const routes = [
  defineRoute({
    method: 'GET',
    url: '/api/health',
    summary: 'liveness',
    access: 'public',
    response: z.object({ status: z.literal('ok') }),
    handler: async () => ({ status: 'ok' }),
  }),
];
