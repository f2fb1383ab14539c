// `warden keys rotate [--new-key B64]`: a new PII key, every row re-encrypted under it. The old
// key is kept as retired (0600) until the re-encryption has finished, so a crash loses nothing.
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { appendAudit } from '../audit/audit-log.ts';
import { forgetRetiredKeys, keyId, parseKey, retireKey, writeCurrentKey } from '../crypto/keyring.ts';
import { WardenError } from '../errors.ts';
import { countByKey, reencryptCustomers } from '../inventory/rotate-keys.ts';
import { runCommand } from './context.ts';
import { globalOptions } from './global-options.ts';

export function register(program: Command): void {
  const keys = program.command('keys').description('PII encryption keys');
  keys
    .command('rotate')
    .description('switch to a new key and re-encrypt every customer under it')
    .option('--new-key <base64>', 'the new 32-byte key (default: generated and written to the key file)')
    .action(async (o: { newKey?: string }, cmd: Command) =>
      runCommand(globalOptions(cmd), async (ctx) => {
        if (ctx.config.key && !o.newKey) {
          throw new WardenError('bad_usage', 'WARDEN_KEY is set: pass --new-key and then set WARDEN_KEY to it', '--new-key');
        }
        const store = await ctx.store();
        const old = ctx.keyring();
        const fresh = o.newKey ? parseKey(o.newKey, '--new-key') : (() => { const k = randomBytes(32); return { id: keyId(k), key: k }; })();
        retireKey(ctx.config.keyFile, old.current);
        if (!ctx.config.key) writeCurrentKey(ctx.config.keyFile, fresh);
        const ring = { current: fresh, byId: new Map([...old.byId, [fresh.id, fresh]]) };
        const n = await reencryptCustomers(store, ring, (d) => process.stderr.write(`\rre-encrypted ${d}`));
        process.stderr.write('\n');
        const left = Object.entries(await countByKey(store)).filter(([k]) => k !== fresh.id);
        if (left.length === 0) forgetRetiredKeys(ctx.config.keyFile);
        await appendAudit(store, { actor: ctx.actor(), action: 'keys.rotate', target: fresh.id, details: { from: old.current.id, reencrypted: n } });
        process.stderr.write(`rotated to key ${fresh.id}: ${n} customers re-encrypted\n`);
        return 0;
      }),
    );
}
