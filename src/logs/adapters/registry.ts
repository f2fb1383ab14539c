// Every log adapter by its `--format` name, and `--format auto` sniffing over the first lines.
// Order matters for sniffing: the most specific formats first, the generic ones last.
import { WardenError } from '../../errors.ts';
import type { LogAdapter } from '../log-adapter.ts';
import { csvMappedAdapter } from './csv-mapped.ts';
import { evtxJsonAdapter } from './evtx-json.ts';
import { jsonlAdapter } from './jsonl.ts';
import { nginxAdapter } from './nginx.ts';
import { ocsfAdapter } from './ocsf.ts';
import { salesforceElfAdapter } from './salesforce-elf.ts';

export const ADAPTERS: LogAdapter[] = [
  evtxJsonAdapter,
  ocsfAdapter,
  jsonlAdapter,
  salesforceElfAdapter,
  csvMappedAdapter,
  nginxAdapter,
];

export function adapterFor(format: string): LogAdapter {
  const a = ADAPTERS.find((x) => x.format === format);
  if (!a) {
    throw new WardenError('bad_usage', `unknown format '${format}' (one of: auto, ${ADAPTERS.map((x) => x.format).join(', ')})`, '--format');
  }
  return a;
}

export function sniffFormat(firstLines: string[]): LogAdapter | undefined {
  return ADAPTERS.find((a) => a.sniff(firstLines));
}
