// Indexes loaded law files for the engine: direct files by jurisdiction code, and federal
// files (with `covers`) that apply to every code under their prefixes. Pure; memoized per
// array so that evaluating many scenarios against the same laws indexes them once.
import type { LawFile } from './law-schema.ts';

export interface LawBook {
  direct: ReadonlyMap<string, LawFile>;
  federal: readonly LawFile[];
}

const books = new WeakMap<readonly LawFile[], LawBook>();

export function lawBookOf(files: readonly LawFile[]): LawBook {
  let book = books.get(files);
  if (!book) {
    const direct = new Map<string, LawFile>();
    const federal: LawFile[] = [];
    for (const f of files) {
      if (f.covers) federal.push(f);
      else direct.set(f.jurisdiction, f);
    }
    book = { direct, federal };
    books.set(files, book);
  }
  return book;
}

/** Does a federal file's `covers` include this code ("US" covers "US" and "US-CA")? */
export function covered(file: LawFile, code: string): boolean {
  return (file.covers ?? []).some((p) => code === p || code.startsWith(`${p}-`));
}

/** Is a dated thing in force on a local date? `until` is exclusive. */
export function inForce(x: { effective_from?: string | undefined; effective_until?: string | undefined }, date: string): boolean {
  if (x.effective_from && date < x.effective_from) return false;
  if (x.effective_until && date >= x.effective_until) return false;
  return true;
}
