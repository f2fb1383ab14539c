// The scenario shape of CONTRACTS.md (`warden obligations --scenario FILE`): the facts of one
// breach that the obligations engine decides on. One zod schema; the type is inferred from it.
import { z } from 'zod';
import { DataCategorySchema } from '../inventory/data-categories.ts';

export const CAUSES = [
  'unauthorized_access',
  'ransomware',
  'malware',
  'insider_misuse',
  'lost_device',
  'misdelivery',
  'accidental_disclosure',
] as const;
export const SECTORS = ['auto_dealer', 'financial', 'healthcare', 'telecom', 'retail', 'other'] as const;
export const ROLES = ['controller', 'processor'] as const;

export const CauseSchema = z.enum(CAUSES);
export const SectorSchema = z.enum(SECTORS);
export const RoleSchema = z.enum(ROLES);
export type Cause = z.infer<typeof CauseSchema>;
export type Sector = z.infer<typeof SectorSchema>;
export type Role = z.infer<typeof RoleSchema>;

/** An ISO 8601 time that carries its own UTC offset (Z or ±hh:mm): deadlines keep that offset. */
export const OffsetTimeSchema = z.iso.datetime({ offset: true });

export const JurisdictionCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'an ISO 3166-1 alpha-2 or ISO 3166-2 code (JP, US-CA)');

export const ScenarioSchema = z
  .object({
    aware_at: OffsetTimeSchema,
    role: RoleSchema.default('controller'),
    cause: CauseSchema.default('unauthorized_access'),
    encrypted: z.boolean().default(false),
    misuse_confirmed: z.boolean().default(false),
    sector: SectorSchema.optional(),
    affected: z.record(JurisdictionCodeSchema, z.number().int().nonnegative()),
    data: z.array(DataCategorySchema),
  })
  .strict();

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
