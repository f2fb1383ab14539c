// Reads a field-mapping YAML file (`--mapping FILE`) into a validated mapping: which source
// field fills each normalized path, and tables from the source's own codes to the normalized
// vocabulary. The format is documented in adapters/README.md.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { WardenError } from '../errors.ts';
import type { FieldMappingFile } from './field-mapping.ts';

const Table = z.record(z.string(), z.string());

const MappingSchema = z.strictObject({
  fields: z.record(z.string(), z.string()),
  actions: Table.optional(),
  actor_types: Table.optional(),
  values: z.record(z.string(), Table).optional(),
  defaults: z.record(z.string(), z.unknown()).optional(),
  raw: z.enum(['all', 'unmapped']).optional(),
});

export async function loadMapping(file: string): Promise<FieldMappingFile> {
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
  // A value table for a path no field fills would never apply: almost surely a typo.
  for (const target of Object.keys(r.data.values ?? {})) {
    if (!Object.hasOwn(r.data.fields, target)) throw new WardenError('bad_input', `values.${target}: no field is mapped to '${target}'`, file);
  }
  const m: FieldMappingFile = { fields: r.data.fields };
  if (r.data.actions) m.actions = r.data.actions;
  if (r.data.actor_types) m.actor_types = r.data.actor_types;
  if (r.data.values) m.values = r.data.values;
  if (r.data.defaults) m.defaults = r.data.defaults;
  if (r.data.raw) m.raw = r.data.raw;
  return m;
}
