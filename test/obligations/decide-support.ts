// Shared by the obligations tests: the real law data (loaded once) and a scenario builder
// whose defaults are the contract's dealer-CRM breach.
import { decideObligations } from '../../src/obligations/decide-obligations.ts';
import { type LoadedLaws, loadLaws } from '../../src/obligations/load-laws.ts';
import type { Obligation, Notify } from '../../src/obligations/obligation-schema.ts';
import { type ScenarioInput, ScenarioSchema } from '../../src/obligations/scenario-schema.ts';

let cached: LoadedLaws | undefined;
export function laws(): LoadedLaws {
  cached ??= loadLaws();
  return cached;
}

export const DEALER_DATA = ['name', 'postal_address', 'phone', 'email', 'vehicle_purchase'] as const;

/** A scenario in test shorthand: data as plain strings (the schema checks them at run time). */
export type TestScenario = Omit<Partial<ScenarioInput>, 'data'> &
  Pick<ScenarioInput, 'affected'> & { data?: readonly string[] };

export function decide(s: TestScenario): Obligation[] {
  const scenario = ScenarioSchema.parse({ aware_at: '2026-11-20T09:00:00+09:00', data: [...DEALER_DATA], ...s });
  return decideObligations(scenario, laws().files);
}

export function rowsOf(rows: Obligation[], jurisdiction: string, notify?: Notify): Obligation[] {
  return rows.filter((r) => r.jurisdiction === jurisdiction && (!notify || r.notify === notify));
}

/** The single row for a jurisdiction and recipient kind; fails loudly when there is not exactly one. */
export function one(rows: Obligation[], jurisdiction: string, notify: Notify, recipient?: RegExp): Obligation {
  const hits = rowsOf(rows, jurisdiction, notify).filter((r) => !recipient || recipient.test(r.recipient));
  if (hits.length !== 1) {
    throw new Error(`expected one ${jurisdiction}/${notify} row, got ${hits.length}: ${JSON.stringify(rows, null, 1)}`);
  }
  return hits[0] as Obligation;
}
