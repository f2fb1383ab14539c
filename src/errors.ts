// Errors as values: every failure Warden reports carries a stable `code` and a `where`
// (file:line:col, a field path, or a request path). The CLI maps them to exit codes and
// one-line messages; the API maps them to problem+json. Nothing here does I/O.

export type ErrorCode =
  | 'bad_usage'
  | 'bad_input'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'crypto'
  | 'store'
  | 'internal';

export class WardenError extends Error {
  readonly code: ErrorCode;
  readonly where: string | undefined;

  constructor(code: ErrorCode, message: string, where?: string) {
    super(message);
    this.name = 'WardenError';
    this.code = code;
    this.where = where;
  }

  /** `where: message`, the one-line form CONTRACTS.md asks for. */
  toLine(): string {
    return this.where ? `${this.where}: ${this.message}` : this.message;
  }
}

/** A problem found in input that was reported and skipped; the rest of the input goes on. */
export interface InputProblem {
  where: string;
  message: string;
}

export function formatProblem(p: InputProblem): string {
  return `${p.where}: ${p.message}`;
}

export function errorMessage(err: unknown): string {
  if (err instanceof WardenError) return err.toLine();
  if (err instanceof Error) return err.message;
  return String(err);
}
