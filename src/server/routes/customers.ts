// The call-centre lookup: is this caller affected, and which data. Hands off to the notify
// capability's callCentreLookup (exact match by id, email or phone; it audits every lookup).
// Contact details are added only for roles that may see PII, and each such view is audited.
import { z } from 'zod';
import { findCustomerIds, readCustomers } from '../../inventory/customer-store.ts';
import { callCentreLookup } from '../../notify/call-centre-lookup.ts';
import { PII_VIEWERS } from '../auth/roles.ts';
import { actorOf } from '../register-routes.ts';
import { fail } from '../problem.ts';
import { defineRoute } from '../route-def.ts';

const Lookup = z
  .object({
    id: z.string().min(1).max(100).optional(),
    email: z.string().min(3).max(320).optional(),
    phone: z.string().min(3).max(40).optional(),
    locale: z.enum(['ja', 'en']).default('ja'),
  })
  .refine((b) => [b.id, b.email, b.phone].filter((v) => v !== undefined).length === 1, 'give exactly one of id, email, phone');

export const routes = [
  defineRoute({
    method: 'POST',
    url: '/api/customers/lookup',
    summary: 'find a customer by id, email or phone: affected or not, which data; contact details only for admin and privacy (audited)',
    access: ['admin', 'privacy', 'analyst'],
    body: Lookup,
    handler: async (req) => {
      const { store, keyring } = req.deps;
      const b = req.body;
      const lookup = b.id !== undefined ? { id: b.id } : b.email !== undefined ? { email: b.email } : b.phone !== undefined ? { phone: b.phone } : fail('bad_input', 'nothing to look up', 'body');
      const result = await callCentreLookup(store, keyring, lookup, actorOf(req.principal), b.locale);
      const ids = result.matched_customers > 0 ? (await findCustomerIds(store, keyring, lookup)).slice(0, 20) : [];
      const records = await readCustomers(store, keyring, ids);
      const showPii = req.principal !== undefined && PII_VIEWERS.includes(req.principal.role);
      if (showPii && records.size > 0) await req.audit('customers.view_pii', [...records.keys()].join(','), { fields: ['name', 'postal_address', 'phone', 'email'] });
      return {
        matched_customers: result.matched_customers,
        affected: result.affected,
        customers: [...records.values()].map((c) => ({
          id: c.id,
          country: c.country,
          region: c.region,
          hits: result.hits.filter((h) => h.customer_id === c.id).map(({ customer_id: _c, ...h }) => h),
          pii: showPii ? { name: c.name, postal_address: c.postal_address, phone: c.phone, email: c.email } : null,
        })),
      };
    },
  }),
];
