// The dashboard's one door to the API: same-origin fetch with the session cookie, the CSRF
// token echoed on state-changing requests, and problem+json turned into ApiError.
let csrf: string | null = null;

export function setCsrf(token: string | null): void {
  csrf = token;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const detail = (data as { detail?: string } | null)?.detail ?? res.statusText;
    if (res.status === 401) window.dispatchEvent(new Event('warden:unauthenticated'));
    throw new ApiError(res.status, detail);
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
