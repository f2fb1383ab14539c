// AES-256-GCM envelopes for PII: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
// The record id is bound as associated data, so a ciphertext copied onto another customer's
// row fails to decrypt instead of showing the wrong person's details.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { WardenError } from '../errors.ts';
import type { DataKey, Keyring } from './keyring.ts';

export function encryptPii(key: DataKey, recordId: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(recordId, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ['v1', key.id, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
}

export function envelopeKeyId(envelope: string): string | undefined {
  return envelope.split('.')[1];
}

export function decryptPii(keyring: Keyring, recordId: string, envelope: string): string {
  const parts = envelope.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') {
    throw new WardenError('crypto', 'not a Warden v1 PII envelope', `customer ${recordId}`);
  }
  const [, kid, iv, tag, ct] = parts as [string, string, string, string, string];
  const key = keyring.byId.get(kid);
  if (!key) {
    throw new WardenError(
      'crypto',
      `encrypted with key ${kid}, which is not in the keyring (wrong WARDEN_KEY or key file?)`,
      `customer ${recordId}`,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(recordId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new WardenError('crypto', 'PII failed authentication: wrong key or tampered row', `customer ${recordId}`);
  }
}

/** Keyed hash for exact-match lookup (call centre: phone, email) without storing the value. */
const subkeys = new Map<string, Buffer>();

export function lookupHmac(key: DataKey, kind: 'email' | 'phone', value: string): string {
  const cacheKey = `${key.id}:${kind}`;
  let sub = subkeys.get(cacheKey);
  if (!sub) {
    sub = Buffer.from(hkdfSync('sha256', key.key, Buffer.alloc(0), `warden-lookup-${kind}`, 32));
    subkeys.set(cacheKey, sub);
  }
  return createHmac('sha256', sub).update(normalizeLookup(kind, value)).digest('base64url');
}

export function normalizeLookup(kind: 'email' | 'phone', value: string): string {
  if (kind === 'email') return value.trim().toLowerCase();
  // Phones compare by digits only, with a leading 0 read as the national prefix.
  return value.replace(/[^0-9]/g, '');
}
