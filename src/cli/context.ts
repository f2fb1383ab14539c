// What every command needs, opened lazily from the one config: the store and the keyring.
// Commands call `runCommand`, which turns thrown WardenErrors into CONTRACTS.md exit codes.
import { userInfo } from 'node:os';
import { type Config, loadConfig } from '../config.ts';
import { loadKeyring, type Keyring } from '../crypto/keyring.ts';
import { errorMessage, WardenError } from '../errors.ts';
import { openStore, type Store } from '../store/open-store.ts';

export interface GlobalOptions {
  db?: string;
}

export class CommandContext {
  readonly config: Config;
  private storePromise: Promise<Store> | undefined;
  private keyringValue: Keyring | undefined;

  constructor(opts: GlobalOptions) {
    this.config = loadConfig({ db: opts.db });
  }

  store(): Promise<Store> {
    this.storePromise ??= openStore(this.config.db);
    return this.storePromise;
  }

  keyring(): Keyring {
    this.keyringValue ??= loadKeyring({
      envKey: this.config.key,
      keyFile: this.config.keyFile,
      onCreate: (path) => process.stderr.write(`created a new PII encryption key at ${path} (mode 0600): back it up\n`),
    });
    return this.keyringValue;
  }

  /** Who the audit trail names for CLI actions. */
  actor(): string {
    return `cli:${userInfo().username}`;
  }

  async close(): Promise<void> {
    if (this.storePromise) await (await this.storePromise).close();
  }
}

/** Runs a command body with a context; exit 2 on bad usage/input, 1 on other failures. */
export async function runCommand(
  opts: GlobalOptions,
  body: (ctx: CommandContext) => Promise<number | undefined>,
): Promise<void> {
  let ctx: CommandContext | undefined;
  let code = 0;
  try {
    ctx = new CommandContext(opts);
    code = (await body(ctx)) ?? 0;
  } catch (err) {
    process.stderr.write(`warden: ${errorMessage(err)}\n`);
    const usage = err instanceof WardenError && ['bad_usage', 'bad_input', 'not_found', 'crypto'].includes(err.code);
    code = usage ? 2 : 1;
    if (!(err instanceof WardenError) && process.env.WARDEN_DEBUG) console.error(err);
  } finally {
    await ctx?.close().catch(() => {});
  }
  process.exitCode = code;
}
