// The CLI's commands by their top-level names, each loaded only when it is the one being run
// (loading every capability costs seconds at start). Each file exports `register(program)`.
// Adding a command: one entry here, { names: ['its-top-level-name', …], load: () => import(…) }.
import type { Command } from 'commander';

export interface CommandModule {
  register: (program: Command) => void;
}

export const COMMAND_MODULES: Array<{ names: string[]; load: () => Promise<CommandModule> }> = [
  { names: ['status'], load: () => import('./status.ts') },
  { names: ['inventory'], load: () => import('./inventory.ts') },
  { names: ['customers'], load: () => import('./customers.ts') },
  { names: ['ingest'], load: () => import('./ingest.ts') },
  { names: ['incident', 'scope'], load: () => import('./incident.ts') },
  { names: ['demo'], load: () => import('./demo.ts') },
  { names: ['keys'], load: () => import('./keys.ts') },
  { names: ['obligations'], load: () => import('./obligations.ts') },
  { names: ['deadlines'], load: () => import('./deadlines.ts') },
  { names: ['rules'], load: () => import('./rules-check.ts') },
  { names: ['detect'], load: () => import('./detect.ts') },
  { names: ['alerts'], load: () => import('./alerts.ts') },
  { names: ['serve'], load: () => import('./serve.ts') },
  { names: ['users'], load: () => import('./users.ts') },
  { names: ['audit'], load: () => import('./audit.ts') },
  { names: ['lookalikes'], load: () => import('./lookalikes.ts') },
  { names: ['phishwatch'], load: () => import('./phishwatch.ts') },
  { names: ['brands'], load: () => import('./brands.ts') },
  { names: ['notify'], load: () => import('./notify.ts') },
  { names: ['report'], load: () => import('./report.ts') },
  { names: ['ship'], load: () => import('./ship.ts') },
  { names: ['worker'], load: () => import('./worker.ts') },
  { names: ['cluster'], load: () => import('./cluster.ts') },
  { names: ['vendors', 'assessments'], load: () => import('./oversee.ts') },
];

/** The first word of argv that is a command name, skipping global options and their values. */
export function requestedCommand(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--db') {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return a;
  }
  return undefined;
}

/** Registers the requested command's module, or every module (for help and unknown names). */
export async function registerCommands(program: Command, args: string[]): Promise<void> {
  const wanted = requestedCommand(args);
  const hit = COMMAND_MODULES.filter((m) => wanted !== undefined && m.names.includes(wanted));
  for (const m of hit.length ? hit : COMMAND_MODULES) (await m.load()).register(program);
}
