// Brand watch findings (look-alike domains) from the brandwatch capability's store.
import { z } from 'zod';
import { FINDING_STATUSES, listFindings } from '../../brandwatch/findings-store.ts';
import { READERS } from '../auth/roles.ts';
import { defineRoute } from '../route-def.ts';

export const routes = [
  defineRoute({
    method: 'GET',
    url: '/api/brandwatch/findings',
    summary: 'look-alike domain findings, newest first',
    access: READERS,
    query: z.object({ status: z.enum(FINDING_STATUSES).optional(), brand: z.string().max(253).optional() }),
    handler: async (req) =>
      listFindings(req.deps.store, { ...(req.query.status ? { status: req.query.status } : {}), ...(req.query.brand ? { brand: req.query.brand } : {}) }),
  }),
];
