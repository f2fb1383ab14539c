// The shape of a law data file in laws/: one jurisdiction, its laws, each law's rules with
// triggers, recipients, thresholds, deadlines, exceptions and citations. Schema only: reading
// the files is load-laws.ts's job; deciding is decide-obligations.ts's.
import { z } from 'zod';
import { DataCategorySchema } from '../inventory/data-categories.ts';
import { NotifySchema } from './obligation-schema.ts';
import { CauseSchema, JurisdictionCodeSchema, RoleSchema, SectorSchema } from './scenario-schema.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

/** A test on the scenario; every key present must hold (AND); `any`/`all`/`not` nest. */
export interface Condition {
  data_any?: Array<z.infer<typeof DataCategorySchema>> | undefined;
  data_with_name?: Array<z.infer<typeof DataCategorySchema>> | undefined;
  cause_in?: Array<z.infer<typeof CauseSchema>> | undefined;
  sector_in?: Array<z.infer<typeof SectorSchema>> | undefined;
  min_affected?: number | undefined;
  misuse_confirmed?: boolean | undefined;
  encrypted?: boolean | undefined;
  any?: Condition[] | undefined;
  all?: Condition[] | undefined;
  not?: Condition | undefined;
}

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .object({
      data_any: z.array(DataCategorySchema).min(1).optional(),
      data_with_name: z.array(DataCategorySchema).min(1).optional(),
      cause_in: z.array(CauseSchema).min(1).optional(),
      sector_in: z.array(SectorSchema).min(1).optional(),
      min_affected: z.number().int().positive().optional(),
      misuse_confirmed: z.boolean().optional(),
      encrypted: z.boolean().optional(),
      any: z.array(ConditionSchema).min(1).optional(),
      all: z.array(ConditionSchema).min(1).optional(),
      not: ConditionSchema.optional(),
    })
    .strict()
    .refine((c) => Object.keys(c).length > 0, 'an empty condition says nothing'),
);

export const SOURCE_LEVELS = ['settled', 'secondary'] as const;
/** settled: checked against the statute's own text; secondary: rests on summaries by others. */
export const SourceLevelSchema = z.enum(SOURCE_LEVELS);

export const DeadlineSchema = z
  .object({
    when: ConditionSchema.optional(),
    kind: z.enum(['hours', 'calendar_days', 'business_days', 'none']),
    amount: z.number().int().positive().optional(),
    /** what starts the clock; computed from aware_at (the earliest such moment we know). */
    from: z.enum(['awareness', 'discovery', 'determination', 'occurrence']).default('awareness'),
    /** chain after another rule's deadline (e.g. the AG within 15 days of notifying residents). */
    after: z.string().optional(),
    due: z.string().min(1),
  })
  .strict()
  .refine((d) => (d.kind === 'none') === (d.amount === undefined), 'amount goes with a timed kind');
export type Deadline = z.infer<typeof DeadlineSchema>;

export const ExemptionSchema = z
  .object({ when: ConditionSchema, reason: z.string().min(1), citation: z.string().min(1) })
  .strict();

export const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'kebab-case id'),
    notify: NotifySchema,
    recipient: z.string().min(1),
    citation: z.string().min(3),
    role: RoleSchema.default('controller'),
    effective_from: IsoDate.optional(),
    effective_until: IsoDate.optional(),
    source: SourceLevelSchema.optional(),
    applies_if: ConditionSchema.optional(),
    /** false: the law only recommends notice (voluntary); the row says so and is never required */
    mandatory: z.boolean().default(true),
    required_if: ConditionSchema.optional(),
    assess_if: ConditionSchema.optional(),
    assess_question: z.string().optional(),
    exempt_if: z.array(ExemptionSchema).optional(),
    deadline: z.array(DeadlineSchema).min(1),
    content: z.array(z.string()).optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((r) => !r.assess_if || r.assess_question, 'assess_if needs an assess_question');
export type LawRule = z.infer<typeof RuleSchema>;

export const LawSchema = z
  .object({
    law: z.string().min(1),
    title: z.string().min(1),
    citation: z.string().min(3),
    effective_from: IsoDate.optional(),
    /** exclusive: the first day the law no longer applies */
    effective_until: IsoDate.optional(),
    source: SourceLevelSchema,
    sources: z.array(z.string()).default([]),
    source_note: z.string().optional(),
    /** the data that counts as a breach under this law; when unmet, nothing in it applies */
    trigger: ConditionSchema.optional(),
    trigger_citation: z.string().optional(),
    exempt_if: z.array(ExemptionSchema).optional(),
    rules: z.array(RuleSchema).min(1),
  })
  .strict();
export type Law = z.infer<typeof LawSchema>;

export const LawFileSchema = z
  .object({
    jurisdiction: z.union([JurisdictionCodeSchema, z.literal('EU')]),
    name: z.string().min(1),
    /** federal files (US) apply wherever an affected code lies under one of these prefixes */
    covers: z.array(z.string()).optional(),
    /** date-holidays country and state for business days; default from the code */
    holidays: z.object({ country: z.string(), state: z.string().optional() }).strict().optional(),
    authority: z.string().optional(),
    laws: z.array(LawSchema).min(1),
  })
  .strict();
export type LawFile = z.infer<typeof LawFileSchema>;
