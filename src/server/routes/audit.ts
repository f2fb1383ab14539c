// The audit trail for admins and auditors: newest entries first (paged by seq), and the
// chain check `warden audit verify` runs.
import { z } from 'zod';
import { listAudit, verifyAuditTrail } from '../../audit/audit-log.ts';
import { defineRoute } from '../route-def.ts';

const AUDIT_READERS = ['admin', 'auditor'] as const;

export const routes = [
  defineRoute({
    method: 'GET',
    url: '/api/audit',
    summary: 'audit entries, newest first',
    access: AUDIT_READERS,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(200),
      before: z.coerce.number().int().min(1).optional(),
      actor: z.string().max(200).optional(),
    }),
    handler: async (req) => {
      const rows = await listAudit(req.deps.store, req.query.limit, req.query.before);
      const actor = req.query.actor;
      return actor ? rows.filter((r) => r.actor === actor) : rows;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit/verify',
    summary: 'verify the hash chain (and that no newest entry was deleted)',
    access: AUDIT_READERS,
    handler: async (req) => {
      const r = await verifyAuditTrail(req.deps.store);
      return { ok: r.break === undefined, entries: r.entries, break: r.break ?? null };
    },
  }),
];
