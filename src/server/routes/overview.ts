// The overview page's data and the deadline board: open incidents, alerts of the last 24
// hours, and every open obligation soonest first (from the obligations capability).
import { listAlerts } from '../../detect/alert-store.ts';
import { listIncidents } from '../../incidents/incident-store.ts';
import { listOpenDeadlines } from '../../obligations/deadline-board.ts';
import { READERS } from '../auth/roles.ts';
import { defineRoute } from '../route-def.ts';
import { incidentHead } from '../views/incident-view.ts';

const DAY_MS = 24 * 3600_000;

export const routes = [
  defineRoute({
    method: 'GET',
    url: '/api/deadlines',
    summary: 'open obligations across open incidents, soonest first (as `warden deadlines --json`)',
    access: READERS,
    handler: async (req) => listOpenDeadlines(req.deps.store),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/overview',
    summary: 'open incidents, alerts in the last 24 h, deadlines soonest first',
    access: READERS,
    handler: async (req) => {
      const { store } = req.deps;
      const now = Date.now();
      const incidents = (await listIncidents(store)).filter((i) => i.status !== 'closed' && i.status !== 'resolved');
      const alerts = await listAlerts(store);
      // Alerts are dated by when they were raised; the demo's events lie in the past.
      const recent = alerts.filter((a) => now - Date.parse(a.created_at) <= DAY_MS);
      return {
        now: new Date(now).toISOString(),
        incidents: incidents.map((i) => ({ ...incidentHead(i), status: i.status })),
        alerts_24h: { count: recent.length, latest: recent.slice(-10).reverse() },
        deadlines: (await listOpenDeadlines(store, new Date(now))).slice(0, 20),
      };
    },
  }),
];
