// Shared by the foundation benchmarks: the default demo scenario's files (generated once into
// $WARDEN_BENCH_DIR, default /tmp/warden-bench) and a store with its customers imported.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyId, type Keyring } from '../../src/crypto/keyring.ts';
import { writeScenario, type ScenarioFiles } from '../../src/scenario/write-scenario.ts';

export const BENCH_DIR = process.env.WARDEN_BENCH_DIR ?? '/tmp/warden-bench';

export const DEFAULTS = { customers: 180_000, affected: 21_000, events: 2_000_000, seed: 42 };

export async function benchScenario(): Promise<ScenarioFiles> {
  const manifest = join(BENCH_DIR, 'bench-manifest.json');
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as ScenarioFiles;
  process.stderr.write(`generating the default scenario into ${BENCH_DIR} …\n`);
  const files = await writeScenario({ out: BENCH_DIR, ...DEFAULTS });
  writeFileSync(manifest, JSON.stringify(files));
  return files;
}

export function benchKeyring(): Keyring {
  const key = randomBytes(32);
  const k = { id: keyId(key), key };
  return { current: k, byId: new Map([[k.id, k]]) };
}

export function machine(): string {
  return `${process.platform} ${process.arch}, Node ${process.version}`;
}
