// The obligation row of CONTRACTS.md: whom to tell, whether it is required, by when, and why.
// One zod schema for the engine's output and the CLI's --json; the type is inferred from it.
import { z } from 'zod';

export const NOTIFY_TARGETS = [
  'regulator',
  'individuals',
  'attorney_general',
  'consumer_reporting_agencies',
  'controller',
] as const;
export const NotifySchema = z.enum(NOTIFY_TARGETS);
export type Notify = z.infer<typeof NotifySchema>;

export const RequiredSchema = z.union([z.boolean(), z.literal('assess')]);
export type Required = z.infer<typeof RequiredSchema>;

export const ObligationSchema = z
  .object({
    jurisdiction: z.string(),
    law: z.string(),
    notify: NotifySchema,
    recipient: z.string(),
    required: RequiredSchema,
    deadline: z.iso.datetime({ offset: true }).nullable(),
    due: z.string(),
    basis: z.string(),
    reason: z.string(),
  })
  .strict();
export type Obligation = z.infer<typeof ObligationSchema>;

export const ObligationsOutputSchema = z.object({ obligations: z.array(ObligationSchema) }).strict();
export type ObligationsOutput = z.infer<typeof ObligationsOutputSchema>;

/** Identifies one obligation across re-decisions: who is told under which law. */
export function obligationKey(o: Pick<Obligation, 'jurisdiction' | 'law' | 'notify' | 'recipient'>): string {
  return `${o.jurisdiction}|${o.law}|${o.notify}|${o.recipient}`;
}
