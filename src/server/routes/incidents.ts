// Incident reads for the workspace: the list, one incident with scope, obligations and notice
// counts, the attacker's activity timeline, and the decision history. The workspace's three
// come from the view cache (views/view-cache.ts), recomputed after any write to the store.
import { z } from 'zod';
import { listDecisions } from '../../incidents/incident-store.ts';
import { ObligationSchema } from '../../obligations/obligation-schema.ts';
import { READERS } from '../auth/roles.ts';
import { defineRoute } from '../route-def.ts';
import { incidentDetail, incidentHeads, incidentTimeline } from '../views/incident-view.ts';
import { AffectedCounts, IdParams, IncidentHead } from './schemas.ts';

export const routes = [
  defineRoute({
    method: 'GET',
    url: '/api/incidents',
    summary: 'incidents with their affected counts',
    access: READERS,
    response: z.array(IncidentHead),
    handler: async (req) => incidentHeads(req.deps.store),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/incidents/:id',
    summary: 'one incident: scope, fields, by jurisdiction, obligations, notice counts',
    access: READERS,
    params: IdParams,
    response: IncidentHead.extend({
      affected: AffectedCounts,
      fields: z.array(z.string()),
      by_jurisdiction: z.record(z.string(), z.number()),
      obligations: z.array(ObligationSchema),
      notices: z.object({ queued: z.number(), sent: z.number(), failed: z.number(), bounced: z.number() }),
    }),
    handler: async (req) => req.deps.views.get(`incident:${req.params.id}`, () => incidentDetail(req.deps.store, req.params.id)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/incidents/:id/timeline',
    summary: "records touched by the attacker's events per 10 minutes, by actor",
    access: READERS,
    params: IdParams,
    handler: async (req) => req.deps.views.get(`timeline:${req.params.id}`, () => incidentTimeline(req.deps.store, req.params.id)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/incidents/:id/decisions',
    summary: 'the decision history, oldest first',
    access: READERS,
    params: IdParams,
    handler: async (req) =>
      req.deps.views.get(`decisions:${req.params.id}`, () => listDecisions(req.deps.store, req.params.id)),
  }),
];
