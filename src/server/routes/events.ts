// Access-event search by indicator (actor, IP, session, time window), for investigation.
// Values are bound parameters through the event store; at least one indicator is required.
import { z } from 'zod';
import { findEventsByIndicators } from '../../logs/event-store.ts';
import { RESPONDERS } from '../auth/roles.ts';
import { fail } from '../problem.ts';
import { defineRoute } from '../route-def.ts';
import { IsoTime } from './schemas.ts';

export const routes = [
  defineRoute({
    method: 'GET',
    url: '/api/events',
    summary: 'events of an actor, IP or session (at most `limit`, oldest first)',
    access: [...RESPONDERS, 'auditor'],
    query: z.object({
      actor: z.string().min(1).max(320).optional(),
      ip: z.string().min(1).max(100).optional(),
      session: z.string().min(1).max(200).optional(),
      from: IsoTime.optional(),
      to: IsoTime.optional(),
      limit: z.coerce.number().int().min(1).max(5000).default(500),
    }),
    handler: async (req) => {
      const q = req.query;
      if (!q.actor && !q.ip && !q.session) fail('bad_input', 'name an actor, ip or session', 'query');
      const events = await findEventsByIndicators(req.deps.store, {
        actors: q.actor ? [q.actor] : [],
        ips: q.ip ? [q.ip] : [],
        sessions: q.session ? [q.session] : [],
        ...(q.from ? { fromMs: Date.parse(q.from) } : {}),
        ...(q.to ? { toMs: Date.parse(q.to) } : {}),
      });
      return events.slice(0, q.limit);
    },
  }),
];
