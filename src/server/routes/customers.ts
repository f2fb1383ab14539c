// The call-centre lookup: is this caller affected, and which data. Lookup by id, email or
// phone (exact, through the customer index's keyed hashes). Contact details are returned only
// to roles that may see PII; every lookup is audited, and every PII view separately.
import { z } from 'zod';
import { findCustomerIds, readCustomers } from '../../inventory/customer-store.ts';
import { PII_VIEWERS } from '../auth/roles.ts';
import { fail } from '../problem.ts';
import { defineRoute } from '../route-def.ts';
import { incidentsAffecting } from '../views/customer-affected.ts';

const Lookup = z
  .object({ id: z.string().min(1).max(100).optional(), email: z.string().min(3).max(320).optional(), phone: z.string().min(3).max(40).optional() })
  .refine((b) => [b.id, b.email, b.phone].filter((v) => v !== undefined).length === 1, 'give exactly one of id, email, phone');

export const routes = [
  defineRoute({
    method: 'POST',
    url: '/api/customers/lookup',
    summary: 'find a customer by id, email or phone; contact details only for admin and privacy (audited)',
    access: ['admin', 'privacy', 'analyst'],
    body: Lookup,
    handler: async (req) => {
      const { store, keyring } = req.deps;
      const b = req.body;
      const lookup = b.id !== undefined ? { id: b.id } : b.email !== undefined ? { email: b.email } : b.phone !== undefined ? { phone: b.phone } : fail('bad_input', 'nothing to look up', 'body');
      const ids = (await findCustomerIds(store, keyring, lookup)).slice(0, 20);
      const by = Object.keys(lookup)[0] ?? 'id';
      await req.audit('customers.lookup', ids.join(',') || 'no-match', { by, matches: ids.length });
      const records = await readCustomers(store, keyring, ids);
      const affected = await incidentsAffecting(store, ids);
      const showPii = req.principal !== undefined && PII_VIEWERS.includes(req.principal.role);
      if (showPii && ids.length > 0) await req.audit('customers.view_pii', ids.join(','), { fields: ['name', 'postal_address', 'phone', 'email'] });
      return ids.map((id) => {
        const c = records.get(id);
        return {
          id,
          country: c?.country ?? null,
          region: c?.region ?? null,
          locale: c?.locale ?? null,
          categories: c?.categories ?? [],
          affected: affected.filter((a) => a.customer_id === id).map(({ customer_id: _c, ...rest }) => rest),
          pii: showPii && c ? { name: c.name, postal_address: c.postal_address, phone: c.phone, email: c.email } : null,
        };
      });
    },
  }),
];
