// The list of CLI commands. Each capability's command file exports `register(program)`;
// adding a command is one import and one line here.
import type { Command } from 'commander';
import { register as registerStatus } from './status.ts';

export const COMMANDS: Array<(program: Command) => void> = [
  registerStatus,
];
