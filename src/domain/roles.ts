/**
 * Who may do what. Reads are open unless READ_ACCESS=closed; writing needs an editor; merging
 * and un-merging entities an admin. A role includes the ones below it.
 */
import { forbidden, unauthenticated } from './errors.js';

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is asking: a role from a static token or a verified JWT, or nobody (no credentials). */
export interface Viewer {
  /** null for an anonymous request. */
  readonly role: Role | null;
  /** Who, for logs and history: the token's name or the JWT's `sub`; 'anonymous' without credentials. */
  readonly subject: string;
}

export const ANONYMOUS: Viewer = Object.freeze({ role: null, subject: 'anonymous' });

const RANK: Readonly<Record<Role, number>> = { reader: 1, editor: 2, admin: 3 };

/** Whether the viewer's role includes `needed`. */
export function hasRole(viewer: Viewer, needed: Role): boolean {
  return viewer.role !== null && RANK[viewer.role] >= RANK[needed];
}

/**
 * Throws unless the viewer's role includes `needed`: UNAUTHENTICATED without credentials,
 * FORBIDDEN with a role too low. `what` names the action in the message, e.g. "merge entities".
 */
export function requireRole(viewer: Viewer, needed: Role, what: string): void {
  if (viewer.role === null) {
    throw unauthenticated(`To ${what} you must authenticate: send "Authorization: Bearer <token>" with an ${needed} token.`);
  }
  if (!hasRole(viewer, needed)) {
    throw forbidden(`To ${what} you need the ${needed} role; this token has the ${viewer.role} role.`, {
      needed,
      role: viewer.role,
    });
  }
}
