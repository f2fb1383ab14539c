// Streams a customers CSV into the index: rows validated one by one, bad ones reported as
// `FILE:LINE: column: reason` and skipped, good ones upserted in batches (a re-import updates,
// never duplicates). Memory stays flat whatever the file's size.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse } from 'csv-parse';
import type { Keyring } from '../crypto/keyring.ts';
import { type InputProblem, WardenError } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import { type CustomerInput, KNOWN_COLUMNS, REQUIRED_COLUMNS, validateCustomerRow } from './customer-row.ts';
import { upsertCustomers } from './customer-store.ts';

export interface ImportCustomersResult {
  rows: number;
  imported: number;
  skipped: number;
  problems: number;
}

export interface ImportCustomersOptions {
  onProblem: (p: InputProblem) => void;
  onProgress?: (bytes: number, total: number) => void;
  batchSize?: number;
}

export async function importCustomersCsv(
  store: Store,
  keyring: Keyring,
  file: string,
  opts: ImportCustomersOptions,
): Promise<ImportCustomersResult> {
  const total = (await stat(file).catch(() => {
    throw new WardenError('bad_input', 'cannot read file', file);
  })).size;
  const input = createReadStream(file);
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => checkHeader(header.map((h) => h.trim()), file, opts.onProblem),
      bom: true,
      info: true,
      relax_column_count: true,
      skip_records_with_error: true,
      skip_empty_lines: true,
    }),
  );
  const result: ImportCustomersResult = { rows: 0, imported: 0, skipped: 0, problems: 0 };
  const report = (p: InputProblem) => {
    result.problems++;
    opts.onProblem(p);
  };
  parser.on('skip', (err: { message: string; lines?: number }) => {
    result.rows++;
    result.skipped++;
    report({ where: `${file}:${err.lines ?? '?'}`, message: `csv: ${err.message}` });
  });
  const batchSize = opts.batchSize ?? 1000;
  let batch: CustomerInput[] = [];
  for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; columns: unknown[] | boolean; invalid_field_length: number } }>) {
    result.rows++;
    const line = rec.info.lines;
    if (rec.info.invalid_field_length > 0) {
      const width = Array.isArray(rec.info.columns) ? rec.info.columns.length : 0;
      result.skipped++;
      report({ where: `${file}:${line}`, message: `row: expected ${width} columns (truncated or malformed row)` });
      continue;
    }
    const checked = validateCustomerRow(rec.record);
    if (!checked.ok) {
      result.skipped++;
      report({ where: `${file}:${line}`, message: `${checked.column}: ${checked.reason}` });
      continue;
    }
    batch.push(checked.customer);
    if (batch.length >= batchSize) {
      await upsertCustomers(store, keyring, batch);
      result.imported += batch.length;
      batch = [];
      opts.onProgress?.(input.bytesRead, total);
    }
  }
  await upsertCustomers(store, keyring, batch);
  result.imported += batch.length;
  opts.onProgress?.(total, total);
  return result;
}

function checkHeader(header: string[], file: string, onProblem: (p: InputProblem) => void): Array<string | false> {
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new WardenError('bad_input', `missing required column(s): ${missing.join(', ')}`, `${file}:1`);
  }
  // An unknown column is reported and ignored: the known columns still import.
  return header.map((h) => {
    if (KNOWN_COLUMNS.has(h)) return h;
    onProblem({ where: `${file}:1`, message: `column '${h}': unknown column, ignored` });
    return false;
  });
}
