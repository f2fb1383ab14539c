// The built dashboard (src/web/dist, made by `npm run build:web`, which `prepare` runs on
// `npm ci`): served at `/` with the SPA fallback. When missing, `ensureDashboardBuilt` builds
// it once with Vite before the server starts.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

export function dashboardBuilt(): boolean {
  return existsSync(`${WEB_DIST}index.html`);
}

export async function ensureDashboardBuilt(log: (line: string) => void): Promise<boolean> {
  if (dashboardBuilt()) return true;
  log('building the dashboard (first run)…');
  try {
    const vite = await import('vite');
    await vite.build({ configFile: `${WEB_ROOT}vite.config.ts`, logLevel: 'warn' });
  } catch (err) {
    log(`could not build the dashboard: ${err instanceof Error ? err.message : String(err)}`);
  }
  return dashboardBuilt();
}
