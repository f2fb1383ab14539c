// The vendor inventory: vendors with systems, data held, access grants and contract SLAs.
// `q` filters by id or name (a plain substring test on the listed vendors, never SQL).
import { z } from 'zod';
import { getVendor, listVendors } from '../../inventory/inventory-store.ts';
import { READERS } from '../auth/roles.ts';
import { fail } from '../problem.ts';
import { defineRoute } from '../route-def.ts';
import { IdParams } from './schemas.ts';

const VendorOut = z.object({ id: z.string(), name: z.string(), systems: z.array(z.unknown()), contract: z.record(z.string(), z.unknown()) });

export const routes = [
  defineRoute({
    method: 'GET',
    url: '/api/vendors',
    summary: 'vendors with their systems and contract',
    access: READERS,
    query: z.object({ q: z.string().max(200).optional() }),
    response: z.array(VendorOut),
    handler: async (req) => {
      const all = await listVendors(req.deps.store);
      const q = req.query.q?.toLowerCase();
      return q ? all.filter((v) => v.id.toLowerCase().includes(q) || v.name.toLowerCase().includes(q)) : all;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/vendors/:id',
    summary: 'one vendor',
    access: READERS,
    params: IdParams,
    handler: async (req) => (await getVendor(req.deps.store, req.params.id)) ?? fail('not_found', `no vendor '${req.params.id}'`, 'vendor'),
  }),
];
