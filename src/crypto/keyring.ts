// The keys that protect customer PII at rest. The current key encrypts; retired keys stay in
// the keyring until `warden keys rotate` has re-encrypted every row, so a crash mid-rotation
// loses nothing. Key material never reaches a log line.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WardenError } from '../errors.ts';

export interface DataKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  current: DataKey;
  byId: Map<string, DataKey>;
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update('warden-key-id').update(key).digest('hex').slice(0, 12);
}

export function parseKey(b64: string, where: string): DataKey {
  const key = Buffer.from(b64.trim(), 'base64');
  if (key.length !== 32) {
    throw new WardenError('bad_usage', `key must be 32 bytes in base64 (got ${key.length} bytes)`, where);
  }
  return { id: keyId(key), key };
}

export interface KeySources {
  envKey?: string | undefined;
  keyFile: string;
  onCreate?: (path: string) => void;
}

function retiredPath(keyFile: string): string {
  return join(dirname(keyFile), 'warden.retired-keys');
}

/** Loads the keyring; with no key anywhere, creates ./data/warden.key (mode 0600). */
export function loadKeyring(src: KeySources): Keyring {
  let current: DataKey;
  if (src.envKey) {
    current = parseKey(src.envKey, 'WARDEN_KEY');
  } else if (existsSync(src.keyFile)) {
    current = parseKey(readFileSync(src.keyFile, 'utf8'), src.keyFile);
  } else {
    mkdirSync(dirname(src.keyFile), { recursive: true });
    const fresh = randomBytes(32);
    writeFileSync(src.keyFile, `${fresh.toString('base64')}\n`, { mode: 0o600 });
    chmodSync(src.keyFile, 0o600);
    src.onCreate?.(src.keyFile);
    current = { id: keyId(fresh), key: fresh };
  }
  const byId = new Map<string, DataKey>([[current.id, current]]);
  const retired = retiredPath(src.keyFile);
  if (existsSync(retired)) {
    for (const [i, line] of readFileSync(retired, 'utf8').split('\n').entries()) {
      if (line.trim()) {
        const k = parseKey(line, `${retired}:${i + 1}`);
        byId.set(k.id, k);
      }
    }
  }
  return { current, byId };
}

/** Keeps a retired key on disk (0600) until rotation has finished with it. */
export function retireKey(keyFile: string, key: DataKey): void {
  const retired = retiredPath(keyFile);
  const existing = existsSync(retired) ? readFileSync(retired, 'utf8') : '';
  if (!existing.includes(key.key.toString('base64'))) {
    writeFileSync(retired, `${existing}${key.key.toString('base64')}\n`, { mode: 0o600 });
  }
}

export function forgetRetiredKeys(keyFile: string): void {
  const retired = retiredPath(keyFile);
  if (existsSync(retired)) writeFileSync(retired, '', { mode: 0o600 });
}

export function writeCurrentKey(keyFile: string, key: DataKey): void {
  mkdirSync(dirname(keyFile), { recursive: true });
  writeFileSync(keyFile, `${key.key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
}
