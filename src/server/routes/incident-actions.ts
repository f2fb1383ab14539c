// Incident changes: open, set indicators and facts, re-scope, decide obligations. Each hands
// off to the incidents/obligations capability and is written to the audit trail.
import { z } from 'zod';
import { FactsSchema, IndicatorsSchema } from '../../incidents/incident-model.ts';
import { openIncident, setIndicators } from '../../incidents/incident-store.ts';
import { changeFacts, rescope } from '../../incidents/reassess-incident.ts';
import { decideForIncident, markObligationMet } from '../../obligations/incident-obligations.ts';
import { RESPONDERS } from '../auth/roles.ts';
import { actorOf } from '../register-routes.ts';
import { defineRoute } from '../route-def.ts';
import { definedOnly, IdParams, IsoTime } from './schemas.ts';

const OBLIGATION_DECIDERS = ['admin', 'analyst', 'privacy'] as const;

export const routes = [
  defineRoute({
    method: 'POST',
    url: '/api/incidents',
    summary: 'open an incident',
    access: RESPONDERS,
    body: z.object({ title: z.string().min(1).max(500), aware_at: IsoTime, vendor_id: z.string().min(1).max(200).optional() }),
    audit: 'incident.open',
    handler: async (req) =>
      openIncident(req.deps.store, { title: req.body.title, awareAt: req.body.aware_at, vendorId: req.body.vendor_id }, actorOf(req.principal)),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/incidents/:id/indicators',
    summary: "set what marks the attacker's events",
    access: RESPONDERS,
    params: IdParams,
    body: IndicatorsSchema.partial(),
    audit: 'incident.indicators',
    handler: async (req) => setIndicators(req.deps.store, req.params.id, definedOnly(req.body), actorOf(req.principal)),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/incidents/:id/facts',
    summary: 'set the facts the obligations turn on',
    access: OBLIGATION_DECIDERS,
    params: IdParams,
    body: FactsSchema.partial().extend({ aware_at: IsoTime.optional() }),
    audit: 'incident.facts',
    handler: async (req) => changeFacts(req.deps.store, req.params.id, definedOnly(req.body), actorOf(req.principal)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/incidents/:id/scope',
    summary: 'recompute the blast radius',
    access: RESPONDERS,
    params: IdParams,
    audit: 'incident.scope',
    handler: async (req) => rescope(req.deps.store, req.params.id, actorOf(req.principal)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/incidents/:id/obligations',
    summary: 'decide the notification obligations now and record the decision',
    access: OBLIGATION_DECIDERS,
    params: IdParams,
    audit: 'incident.obligations',
    handler: async (req) => decideForIncident(req.deps.store, req.params.id, actorOf(req.principal)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/incidents/:id/obligations/met',
    summary: 'mark one obligation as done (key: jurisdiction|law|notify|recipient)',
    access: OBLIGATION_DECIDERS,
    params: IdParams,
    body: z.object({ key: z.string().min(3).max(500) }),
    audit: 'incident.obligation_met',
    handler: async (req) => markObligationMet(req.deps.store, req.params.id, req.body.key, actorOf(req.principal)),
  }),
];
