// Reads a field-mapping YAML file (`--mapping FILE`) into a validated FieldMapping.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { WardenError } from '../errors.ts';
import type { FieldMapping } from './log-adapter.ts';

const MappingSchema = z.strictObject({
  fields: z.record(z.string(), z.string()),
  actions: z.record(z.string(), z.string()).optional(),
  actor_types: z.record(z.string(), z.string()).optional(),
  defaults: z.record(z.string(), z.unknown()).optional(),
});

export async function loadMapping(file: string): Promise<FieldMapping> {
  let data: unknown;
  try {
    data = parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new WardenError('bad_input', `cannot read mapping: ${(err as Error).message.split('\n')[0]}`, file);
  }
  const r = MappingSchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new WardenError('bad_input', `${i?.path.join('.') || '(root)'}: ${i?.message}`, file);
  }
  const m: FieldMapping = { fields: r.data.fields };
  if (r.data.actions) m.actions = r.data.actions;
  if (r.data.actor_types) m.actor_types = r.data.actor_types;
  if (r.data.defaults) m.defaults = r.data.defaults;
  return m;
}
