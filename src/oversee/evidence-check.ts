// Evidence upload limits: size, allowed types by extension, and content that must look like the
// type it claims (magic bytes), plus the SHA-256 it is stored under. Pure.
import { createHash } from 'node:crypto';
import { WardenError } from '../errors.ts';

// 700 KiB: base64 of it fits the API's 1 MiB JSON body limit; larger reports go as a link in a text answer.
export const EVIDENCE_MAX_BYTES = 700 * 1024;
export const EVIDENCE_MAX_FILES = 20;

const TYPES: Record<string, { mime: string; magic?: number[] }> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [0x50, 0x4b, 0x03, 0x04] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b, 0x03, 0x04] },
  txt: { mime: 'text/plain' },
  csv: { mime: 'text/csv' },
};
export const EVIDENCE_EXTENSIONS = Object.keys(TYPES);

export interface CheckedEvidence {
  filename: string;
  mime: string;
  size: number;
  sha256: string;
}

export function checkEvidence(filename: string, bytes: Buffer, where: string): CheckedEvidence {
  const clean = filename.replace(/[\\/]/g, '_').replace(/[^\w.\- ]/g, '').slice(-120) || 'evidence';
  if (bytes.length === 0) throw new WardenError('bad_input', 'the file is empty', where);
  if (bytes.length > EVIDENCE_MAX_BYTES) throw new WardenError('bad_input', `file is larger than ${EVIDENCE_MAX_BYTES} bytes`, where);
  const ext = clean.split('.').pop()?.toLowerCase() ?? '';
  const type = TYPES[ext];
  if (!type) throw new WardenError('bad_input', `file type '.${ext}' not accepted (allowed: ${EVIDENCE_EXTENSIONS.join(', ')})`, where);
  if (type.magic && !type.magic.every((b, i) => bytes[i] === b)) {
    throw new WardenError('bad_input', `content does not look like a .${ext} file`, where);
  }
  if (!type.magic && bytes.subarray(0, 8192).includes(0)) throw new WardenError('bad_input', `a .${ext} file must be text`, where);
  return { filename: clean, mime: type.mime, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
