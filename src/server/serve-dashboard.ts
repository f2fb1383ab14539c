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
  adminLogin?: { username: string; password: string };
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
    ...(admin ? { adminLogin: { username: admin.username, password: admin.password } } : {}),
  };
}
