// Starts the API and dashboard on a store: builds the dashboard when missing, creates the
// first admin, listens, and hands back the URL, a close() and (first run only) the login.
import type { Keyring } from '../crypto/keyring.ts';
import type { Store } from '../store/open-store.ts';
import { buildApp } from './app.ts';
import { ensureFirstAdmin } from './first-admin.ts';
import { ensureDashboardBuilt } from './web-assets.ts';

export interface ServeOptions {
  port: number;
  host: string;
  keyring: Keyring;
  adminPassword?: string | undefined;
  logLevel?: string;
  loginRateLimit?: number;
  log?: (line: string) => void;
}

export interface Serving {
  url: string;
  close(): Promise<void>;
  /** Only on the first run, when `admin` was just created; `generated` when no password was configured. */
  adminLogin?: { username: string; password: string; generated: boolean };
}

export async function serveDashboard(store: Store, o: ServeOptions): Promise<Serving> {
  const log = o.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  await ensureDashboardBuilt(log);
  const admin = await ensureFirstAdmin(store, o.adminPassword);
  const app = await buildApp(
    { store, keyring: o.keyring, ...(o.loginRateLimit ? { loginRateLimit: o.loginRateLimit } : {}) },
    { logLevel: o.logLevel ?? 'warn' },
  );
  await app.listen({ port: o.port, host: o.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${port}/`,
    close: () => app.close(),
    ...(admin ? { adminLogin: { username: admin.username, password: admin.password, generated: admin.generated } } : {}),
  };
}

/** Serves until SIGINT/SIGTERM, telling the user on stderr where and how to log in. */
export async function serveUntilStopped(store: Store, o: ServeOptions & { incidentId?: string }): Promise<void> {
  const s = await serveDashboard(store, o);
  const say = (l: string) => process.stderr.write(`${l}\n`);
  say(`Warden is serving at ${s.url}`);
  if (o.incidentId) say(`  the incident:  ${s.url}incidents/${encodeURIComponent(o.incidentId)}`);
  if (s.adminLogin?.generated) say(`  log in as '${s.adminLogin.username}' with password ${s.adminLogin.password} (shown once; change it with \`warden users reset-password admin\`)`);
  else if (s.adminLogin) say(`  log in as '${s.adminLogin.username}' with the password in WARDEN_ADMIN_PASSWORD`);
  else say("  log in as 'admin' (its password was printed on the first run; `warden users reset-password admin` sets a new one)");
  say('  press Ctrl-C to stop');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await s.close();
}
