// `warden serve [--port 8080] [--host 127.0.0.1]`: the API and the dashboard. Serves until
// interrupted; on the first run prints the admin login once on stderr.
import type { Command } from 'commander';
import { WardenError } from '../errors.ts';
import { serveUntilStopped } from '../server/serve-dashboard.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the dashboard')
    .option('--port <port>', 'TCP port', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (f: { port: string; host: string }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const port = Number(f.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new WardenError('bad_usage', 'must be a port number', '--port');
        await serveUntilStopped(await ctx.store(), { port, host: f.host, keyring: ctx.keyring(), adminPassword: ctx.config.adminPassword, logLevel: ctx.config.logLevel });
        return 0;
      }),
    );
}
