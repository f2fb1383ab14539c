// The roles of CONTRACTS.md and the one way a route states who may call it: `public`, or the
// list of roles allowed. Every route declares this; nothing else grants access.
export const ROLES = ['admin', 'analyst', 'privacy', 'auditor', 'vendor'] as const;
export type Role = (typeof ROLES)[number];

export type Access = 'public' | readonly Role[];

/** Roles that read incident-response data (everyone but vendor users). */
export const READERS: readonly Role[] = ['admin', 'analyst', 'privacy', 'auditor'];
/** Roles that change incidents and alerts. */
export const RESPONDERS: readonly Role[] = ['admin', 'analyst'];
/** Roles that may see customers' personal data (each view is audited). */
export const PII_VIEWERS: readonly Role[] = ['admin', 'privacy'];
export const ANY_USER: readonly Role[] = ROLES;

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

export function allows(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  return role !== undefined && access.includes(role);
}
