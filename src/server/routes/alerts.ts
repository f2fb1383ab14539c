// Alerts: the list (as `warden alerts --json`), one alert with its evidence events, and
// "open incident from alert", which hands off to the detect capability.
import { z } from 'zod';
import { ALERT_STATUSES, AlertViewSchema, getAlert, listAlerts } from '../../detect/alert-store.ts';
import { openIncidentFromAlert } from '../../detect/open-incident-from-alert.ts';
import { READERS, RESPONDERS } from '../auth/roles.ts';
import { actorOf } from '../register-routes.ts';
import { fail } from '../problem.ts';
import { defineRoute } from '../route-def.ts';
import { evidenceEvents } from '../views/evidence-events.ts';
import { IdParams, IsoTime } from './schemas.ts';

export const routes = [
  defineRoute({
    method: 'GET',
    url: '/api/alerts',
    summary: 'alerts, as `warden alerts --json`',
    access: READERS,
    query: z.object({ status: z.enum(ALERT_STATUSES).optional() }),
    response: z.array(AlertViewSchema),
    handler: async (req) => listAlerts(req.deps.store, req.query.status ? { status: req.query.status } : {}),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/alerts/:id',
    summary: 'one alert with its evidence events',
    access: READERS,
    params: IdParams,
    handler: async (req) => {
      const alert = await getAlert(req.deps.store, req.params.id);
      if (!alert) fail('not_found', `no alert '${req.params.id}'`, 'alert');
      return { ...alert, evidence_events: await evidenceEvents(req.deps.store, alert.evidence) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/alerts/:id/incident',
    summary: "open an incident from the alert, its indicators prefilled from the alert's group and evidence",
    access: RESPONDERS,
    params: IdParams,
    body: z.object({ title: z.string().min(1).max(500).optional(), aware_at: IsoTime.optional(), vendor_id: z.string().min(1).max(200).optional() }),
    audit: 'alert.open_incident',
    handler: async (req) => {
      const { incident, indicators } = await openIncidentFromAlert(req.deps.store, req.params.id, actorOf(req.principal), {
        title: req.body.title,
        awareAt: req.body.aware_at,
        vendorId: req.body.vendor_id,
      });
      return { id: incident.id, indicators };
    },
  }),
];
