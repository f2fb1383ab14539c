// The incident's shapes, defined once (zod) and shared by the CLI, the API and scoping:
// what marks the attacker's events (indicators), the facts an analyst sets, and the scope.
import { z } from 'zod';

const Iso = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time');

export const IndicatorsSchema = z.object({
  actors: z.array(z.string().min(1)).default([]),
  ips: z.array(z.string().min(1)).default([]),
  sessions: z.array(z.string().min(1)).default([]),
  from: Iso.optional(),
  to: Iso.optional(),
});
export type Indicators = z.infer<typeof IndicatorsSchema>;

export const FactsSchema = z.object({
  /** The reporter's own reference for the breach (the vendor's case id): finds the incident again. */
  external_ref: z.string().min(1).optional(),
  began_at: Iso.optional(),
  vendor_discovered_at: Iso.optional(),
  vendor_notified_at: Iso.optional(),
  role: z.enum(['controller', 'processor']).default('controller'),
  cause: z
    .enum(['unauthorized_access', 'ransomware', 'malware', 'insider_misuse', 'lost_device', 'misdelivery', 'accidental_disclosure'])
    .default('unauthorized_access'),
  encrypted: z.boolean().default(false),
  misuse_confirmed: z.boolean().default(false),
  sector: z.enum(['auto_dealer', 'financial', 'healthcare', 'telecom', 'retail', 'other']).optional(),
});
export type Facts = z.infer<typeof FactsSchema>;

export const AffectedCountsSchema = z.object({ confirmed: z.number(), inferred: z.number(), total: z.number() });

export const ScopeSchema = z.object({
  id: z.string(),
  affected: AffectedCountsSchema,
  fields: z.array(z.string()),
  by_jurisdiction: z.record(z.string(), z.number()),
  by_entity: z.record(z.string(), z.number()),
  worst_case: z.boolean(),
  events: z.object({ matched: z.number(), data_reading: z.number(), first: z.string().nullable(), last: z.string().nullable() }),
  notes: z.array(z.string()),
  computed_at: z.string(),
});
export type Scope = z.infer<typeof ScopeSchema>;

export interface Incident {
  id: string;
  title: string;
  aware_at: string;
  vendor_id: string | null;
  status: string;
  facts: Facts;
  indicators: Indicators;
  scope: Scope | null;
  created_at: string;
}
