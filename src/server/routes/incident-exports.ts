// Downloads from the incident workspace: the affected list (CSV, pseudonymous ids, no contact
// details; audited by exportAffected) and regulator report drafts from the notify capability's
// report builders (as `warden report ID --jurisdiction CODE`).
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { exportAffected } from '../../incidents/export-affected.ts';
import { getIncident } from '../../incidents/incident-store.ts';
import { loadOrgProfile } from '../../notify/org-profile.ts';
import { buildReport } from '../../notify/reports/build-report.ts';
import { reportToMarkdown, reportToPdf } from '../../notify/reports/report-render.ts';
import { READERS } from '../auth/roles.ts';
import { actorOf } from '../register-routes.ts';
import { defineRoute } from '../route-def.ts';
import { IdParams } from './schemas.ts';

export const routes = [
  defineRoute({
    method: 'GET',
    url: '/api/incidents/:id/affected.csv',
    summary: 'the affected list as CSV (customer ids, basis, fields, jurisdiction; no contact details)',
    access: ['admin', 'analyst', 'privacy'],
    params: IdParams,
    produces: 'text/csv',
    handler: async (req, reply) => {
      await getIncident(req.deps.store, req.params.id);
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await exportAffected(req.deps.store, req.deps.keyring, req.params.id, out, { format: 'csv', withPii: false, actor: actorOf(req.principal) });
      out.end();
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="affected-${req.params.id.replace(/[^\w.-]/g, '_')}.csv"`);
      return Buffer.concat(chunks);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/incidents/:id/reports/:jurisdiction',
    summary: 'a regulator report draft for one jurisdiction (md, json or pdf), as `warden report`',
    access: READERS,
    params: IdParams.extend({ jurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'an ISO 3166 code') }),
    query: z.object({ kind: z.enum(['preliminary', 'final']).default('preliminary'), format: z.enum(['md', 'json', 'pdf']).default('md') }),
    audit: 'report.draft',
    handler: async (req, reply) => {
      const { id, jurisdiction } = req.params;
      const { kind, format } = req.query;
      const report = await buildReport(req.deps.store, id, jurisdiction, kind, loadOrgProfile());
      const name = `report-${id.replace(/[^\w.-]/g, '_')}-${jurisdiction}-${kind}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'json') return report;
      if (format === 'pdf') return reply.type('application/pdf').send(await reportToPdf(report));
      return reply.type('text/markdown; charset=utf-8').send(reportToMarkdown(report));
    },
  }),
];
