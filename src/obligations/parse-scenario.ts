// Turns a scenario file's text into a validated Scenario, or a WardenError naming the place:
// `FILE:line:col` for JSON syntax, `FILE: field.path` for schema problems. Pure (no file I/O).
import { WardenError } from '../errors.ts';
import { type Scenario, ScenarioSchema } from './scenario-schema.ts';

function lineCol(text: string, pos: number): string {
  const before = text.slice(0, pos).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

export function parseScenarioText(file: string, text: string): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg)?.[1];
    throw new WardenError('bad_input', `not JSON: ${msg}`, pos ? `${file}:${lineCol(text, Number(pos))}` : file);
  }
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new WardenError('bad_input', lines.join('; '), file);
  }
  return parsed.data;
}
