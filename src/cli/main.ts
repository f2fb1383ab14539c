// `warden`: parses the command line and dispatches to the command file named in commands.ts.
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands.ts';

const program = new Command('warden')
  .description('Vendor-breach response: map, oversee, watch, respond, protect customers')
  .option('--db <url>', 'store URL: sqlite:PATH or postgres://… (env WARDEN_DB)')
  .showHelpAfterError()
  .exitOverride();

await registerCommands(program, process.argv.slice(2));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version exit 0; everything else commander rejects is bad usage.
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`warden: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
