// `warden lookalikes DOMAIN… [--format tsv|json] [--dictionary FILE] [--tld FILE] [--keyboard L,…]`:
// prints every look-alike of each domain as `fuzzer<TAB>domain`, the original first.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { generateLookalikes, type LookalikeOptions } from '../brandwatch/generate-lookalikes.ts';
import { isKeyboardLayout, type KeyboardLayout } from '../brandwatch/keyboard-layouts.ts';
import { parseSuffixList, parseWordList } from '../brandwatch/word-lists.ts';
import { WardenError } from '../errors.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

export interface GeneratorFlags {
  dictionary?: string;
  tld?: string;
  keyboard?: string;
  extras?: boolean;
}

function readList(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new WardenError('bad_input', `cannot read: ${(err as Error).message}`, `${flag} ${path}`);
  }
}

/** The generator options the flags ask for (files read here, parsed by the pure core). */
export function generatorOptions(flags: GeneratorFlags): LookalikeOptions {
  const options: LookalikeOptions = { extras: flags.extras !== false };
  if (flags.dictionary) options.dictionary = parseWordList(readList(flags.dictionary, '--dictionary'));
  if (flags.tld) options.tlds = parseSuffixList(readList(flags.tld, '--tld'));
  if (flags.keyboard) {
    const names = flags.keyboard.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean);
    const bad = names.find((k) => !isKeyboardLayout(k));
    if (bad) throw new WardenError('bad_usage', `unknown layout '${bad}' (qwerty, qwertz, azerty)`, '--keyboard');
    options.keyboards = names as KeyboardLayout[];
  }
  return options;
}

export function addGeneratorFlags(cmd: Command): Command {
  return cmd
    .option('--dictionary <file>', 'extra words to pair with the name, one a line')
    .option('--tld <file>', 'extra suffixes to swap in, one a line')
    .option('--keyboard <layouts>', 'keyboard layouts for typos (default qwerty,qwertz,azerty)')
    .option('--no-extras', "dnstwist's output only: no UTS #39 glyphs, built-in words or suffixes");
}

export function register(program: Command): void {
  const cmd = program
    .command('lookalikes')
    .description('look-alike domains of each DOMAIN (fuzzer<TAB>domain, the original first)')
    .argument('<domain...>', 'domains (or URLs) to twist')
    .option('--format <format>', 'tsv or json', 'tsv');
  addGeneratorFlags(cmd).action(async (domains: string[], opts: GeneratorFlags & { format: string }, c: Command) =>
    runCommand(globalOptions(c), async () => {
      if (opts.format !== 'tsv' && opts.format !== 'json') {
        throw new WardenError('bad_usage', `unknown format '${opts.format}' (tsv, json)`, '--format');
      }
      const options = generatorOptions(opts);
      const all = domains.flatMap((d) => generateLookalikes(d, options));
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify(all)}\n`);
      else process.stdout.write(all.map((l) => `${l.fuzzer}\t${l.domain}\n`).join(''));
      process.stderr.write(`${all.length - domains.length} look-alikes of ${domains.length} domain(s)\n`);
      return 0;
    }),
  );
}
