// Reads the global options (`--db`) from any subcommand, however deeply nested.
import type { Command } from 'commander';
import type { GlobalOptions } from './context.ts';

export function globalOptions(cmd: Command): GlobalOptions {
  const opts = cmd.optsWithGlobals() as { db?: string };
  return opts.db ? { db: opts.db } : {};
}
