// The row a jurisdiction gets when no rule of its law data yields one: no law data at all,
// no law in force at aware_at, or no duty for the scenario's role. Every affected
// jurisdiction must appear in the output (CONTRACTS.md). Pure.
import type { LawFile } from './law-schema.ts';
import type { Obligation } from './obligation-schema.ts';
import type { Scenario } from './scenario-schema.ts';

export function fallbackRow(code: string, file: LawFile | undefined, s: Scenario, date: string): Obligation {
  if (!file) {
    return {
      jurisdiction: code,
      law: 'no law data',
      notify: 'regulator',
      recipient: 'unknown',
      required: 'assess',
      deadline: null,
      due: 'check local law',
      basis: 'none in laws/',
      reason: `Warden has no law data for ${code}: have counsel check its breach-notification law`,
    };
  }
  const later = file.laws.find((l) => l.effective_from && l.effective_from > date);
  const first = file.laws[0];
  const law = later ?? first;
  const reason = later
    ? `${later.law} applies only from ${later.effective_from}; nothing in force on ${date} requires notice`
    : s.role === 'processor'
      ? `${first?.law ?? 'the law'} sets no processor duty in Warden's data: check whether you are bound as a ` +
        'holder of the data yourself, and what your contract (DPA) requires of you towards the controller'
      : `no breach-notification rule in force on ${date} applies`;
  const processorAssess = !later && s.role === 'processor';
  return {
    jurisdiction: code,
    law: law?.law ?? file.name,
    notify: s.role === 'processor' ? 'controller' : 'regulator',
    recipient: s.role === 'processor' ? 'the controller' : (file.authority ?? 'none'),
    required: processorAssess ? 'assess' : false,
    deadline: null,
    due: processorAssess ? 'as the contract requires (often 24-72 hours)' : 'not required',
    basis: law?.citation ?? 'none',
    reason,
  };
}
