// Customer notices of an incident through the notify capability: the delivery ledger's counts
// by channel (`warden notify status`), and drafting the notices (queues one per customer and
// channel; idempotent). Sending stays with `warden notify send`, which needs SMTP settings.
import { countNotices } from '../../notify/ledger-store.ts';
import { draftNotices } from '../../notify/draft-notices.ts';
import { getIncident } from '../../incidents/incident-store.ts';
import { READERS } from '../auth/roles.ts';
import { actorOf } from '../register-routes.ts';
import { defineRoute } from '../route-def.ts';
import { IdParams } from './schemas.ts';

export const routes = [
  defineRoute({
    method: 'GET',
    url: '/api/incidents/:id/notices',
    summary: 'notice delivery counts, overall and by channel (as `warden notify status --json`)',
    access: READERS,
    params: IdParams,
    handler: async (req) => {
      await getIncident(req.deps.store, req.params.id);
      return countNotices(req.deps.store, req.params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/incidents/:id/notices/draft',
    summary: 'draft the customer notices for every affected customer (idempotent)',
    access: ['admin', 'privacy'],
    params: IdParams,
    handler: async (req) => {
      await getIncident(req.deps.store, req.params.id);
      return draftNotices(req.deps.store, req.deps.keyring, req.params.id, actorOf(req.principal));
    },
  }),
];
