// `warden users add|reset-password|token|list`: local users of the API. Passwords come from
// --password or WARDEN_USER_PASSWORD, else are generated and printed once; tokens are printed
// once on stdout and stored only as hashes. Every change is audited.
import type { Command } from 'commander';
import { appendAudit } from '../audit/audit-log.ts';
import { WardenError } from '../errors.ts';
import { generatePassword } from '../server/auth/passwords.ts';
import { isRole } from '../server/auth/roles.ts';
import { createApiToken, deleteSessionsOf } from '../server/auth/session-store.ts';
import { createUser, findUserRow, listUsers, resetPassword } from '../server/auth/user-store.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

function passwordOf(given: string | undefined): { password: string; generated: boolean } {
  const p = given ?? process.env.WARDEN_USER_PASSWORD;
  return p ? { password: p, generated: false } : { password: generatePassword(), generated: true };
}

export function register(program: Command): void {
  const users = program.command('users').description('local users of the API and dashboard');
  users
    .command('add <username>')
    .requiredOption('--role <role>', 'admin | analyst | privacy | auditor | vendor')
    .option('--vendor <id>', 'for vendor users: the vendor they belong to')
    .option('--password <pw>', 'the password (else WARDEN_USER_PASSWORD, else generated)')
    .action(async (username: string, o: { role: string; vendor?: string; password?: string }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        if (!isRole(o.role)) throw new WardenError('bad_usage', `unknown role '${o.role}'`, '--role');
        const store = await ctx.store();
        const { password, generated } = passwordOf(o.password);
        const u = await createUser(store, { username, password, role: o.role, vendorId: o.vendor });
        await appendAudit(store, { actor: ctx.actor(), action: 'users.add', target: u.id, details: { role: u.role } });
        process.stderr.write(`added ${u.username} (${u.role})${generated ? `; password: ${password}` : ''}\n`);
        return 0;
      }),
    );
  users
    .command('reset-password <username>')
    .option('--password <pw>', 'the new password (else WARDEN_USER_PASSWORD, else generated)')
    .action(async (username: string, o: { password?: string }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const store = await ctx.store();
        const { password, generated } = passwordOf(o.password);
        const u = await resetPassword(store, username, password);
        await deleteSessionsOf(store, u.id);
        await appendAudit(store, { actor: ctx.actor(), action: 'users.reset_password', target: u.id, details: {} });
        process.stderr.write(`password reset for ${u.username}${generated ? `; new password: ${password}` : ''}\n`);
        return 0;
      }),
    );
  users
    .command('token <username>')
    .option('--name <name>', 'what the token is for', 'script')
    .description('issue an API token (printed once on stdout)')
    .action(async (username: string, o: { name: string }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const store = await ctx.store();
        const row = await findUserRow(store, username);
        if (!row) throw new WardenError('not_found', `no user '${username}'`, 'username');
        const t = await createApiToken(store, row.id, o.name);
        await appendAudit(store, { actor: ctx.actor(), action: 'users.token', target: row.id, details: { token_id: t.id } });
        process.stdout.write(`${t.token}\n`);
        process.stderr.write('store it now: it is not shown again\n');
        return 0;
      }),
    );
  users
    .command('list')
    .option('--json', 'machine output on stdout')
    .action(async (o: { json?: boolean }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        const list = await listUsers(await ctx.store());
        if (o.json) process.stdout.write(`${JSON.stringify(list)}\n`);
        else for (const u of list) process.stderr.write(`${u.username.padEnd(24)} ${u.role.padEnd(8)} ${u.vendor_id ?? ''}${u.locked ? ' [locked]' : ''}\n`);
        return 0;
      }),
    );
}
