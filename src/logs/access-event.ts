// The normalized access event (CONTRACTS.md): the one shape every log adapter produces and
// every rule, scope and store reads. Defined once here as a zod schema; the type is inferred.
import { z } from 'zod';
import { DataCategorySchema } from '../inventory/data-categories.ts';

export const ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'view',
  'search',
  'export',
  'api_read',
  'bulk_read',
  'update',
  'delete',
  'permission_change',
  'token_create',
] as const;

export const ACTOR_TYPES = ['vendor_staff', 'dealer_staff', 'employee', 'service', 'unknown'] as const;

/** Actions that hand personal data to the actor: the ones scoping counts. */
export const DATA_READING_ACTIONS: ReadonlySet<string> = new Set(['view', 'search', 'export', 'api_read', 'bulk_read']);

const IsoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), {
  message: 'must be an ISO 8601 date-time',
});

export const AccessEventSchema = z.object({
  id: z.string().min(1),
  time: IsoTime,
  source: z.string().min(1),
  actor: z
    .object({
      user: z.string().optional(),
      type: z.enum(ACTOR_TYPES).default('unknown'),
      session: z.string().optional(),
    })
    .default({ type: 'unknown' }),
  src_ip: z.string().optional(),
  user_agent: z.string().optional(),
  action: z.enum(ACTIONS),
  object: z.string().optional(),
  record_ids: z.array(z.string()).optional(),
  query: z.string().optional(),
  result_count: z.number().int().nonnegative().optional(),
  fields: z.array(DataCategorySchema).default([]),
  outcome: z.enum(['success', 'failure']).default('success'),
  raw: z.record(z.string(), z.unknown()).default({}),
});

export type AccessEvent = z.infer<typeof AccessEventSchema>;
export type Action = (typeof ACTIONS)[number];
