import { createHash, timingSafeEqual } from 'node:crypto';
import { ConfigurationError } from '@hangar/core';
import { ForbiddenError, type ForbiddenKey, UnauthorizedError } from './http-errors.js';

/** What a token may do: `viewer` reads, `operator` also enqueues and cancels, `admin` may also act for another customer. */
export type ApiRole = 'admin' | 'operator' | 'viewer';

/** Every role, from the most to the least powerful. */
export const API_ROLES: readonly ApiRole[] = ['admin', 'operator', 'viewer'];

/** One accepted bearer token and the identity it stands for. */
export interface ApiToken {
  /** The secret sent as `Authorization: Bearer <token>`; at least 16 characters. */
  token: string;
  /** Tenant the token acts for; jobs it enqueues belong to this customer. */
  customerId: string;
  /** User recorded on the jobs it enqueues. */
  userId: string;
  /** Its roles. */
  roles: readonly ApiRole[];
}

/** The authenticated identity behind a request. */
export interface Caller {
  /** Tenant of the token. */
  customerId: string;
  /** User of the token. */
  userId: string;
  /** Roles of the token. */
  roles: readonly ApiRole[];
}

/** How requests are authenticated: a fixed token table, a custom check, or both (the table is tried first). */
export interface AuthOptions {
  /** Accepted tokens. @defaultValue [] */
  tokens?: readonly ApiToken[];
  /** Custom check for tokens not in the table (e.g. the host service's own tokens); undefined rejects. */
  verify?: (token: string) => Caller | undefined | Promise<Caller | undefined>;
}

/** What a route needs: reading, or changing jobs (enqueue, cancel). */
export type Permission = 'read' | 'write';

/** Shortest accepted token, so that a guessable secret fails at startup rather than in production. */
export const MIN_TOKEN_LENGTH = 16;

const ROLE_FOR: Readonly<Record<Permission, readonly ApiRole[]>> = {
  read: ['viewer', 'operator', 'admin'],
  write: ['operator', 'admin'],
};

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Checks the auth options, naming the entry and field to fix. */
export function validateAuthOptions(auth: AuthOptions | undefined): void {
  if (!auth || typeof auth !== 'object') {
    throw new ConfigurationError(
      'auth',
      'pass `{ tokens: [{ token, customerId, userId, roles }] }` or `{ verify }`',
    );
  }
  const tokens = auth.tokens ?? [];
  if (!Array.isArray(tokens)) throw new ConfigurationError('auth.tokens', 'must be an array of tokens');
  if (tokens.length === 0 && typeof auth.verify !== 'function') {
    throw new ConfigurationError('auth', 'configure at least one token in `tokens`, or a `verify` function');
  }
  const seen = new Set<string>();
  tokens.forEach((entry: ApiToken, i: number) => {
    const at = `auth.tokens[${i}]`;
    if (typeof entry?.token !== 'string' || entry.token.length < MIN_TOKEN_LENGTH) {
      throw new ConfigurationError(
        `${at}.token`,
        `must be a secret of at least ${MIN_TOKEN_LENGTH} characters`,
      );
    }
    if (seen.has(entry.token))
      throw new ConfigurationError(`${at}.token`, 'the same token is configured twice');
    seen.add(entry.token);
    for (const field of ['customerId', 'userId'] as const) {
      if (typeof entry[field] !== 'string' || entry[field].trim() === '') {
        throw new ConfigurationError(`${at}.${field}`, 'must be a non-empty string');
      }
    }
    if (!Array.isArray(entry.roles) || entry.roles.length === 0) {
      throw new ConfigurationError(`${at}.roles`, `give at least one of ${API_ROLES.join(', ')}`);
    }
    for (const role of entry.roles) {
      if (!API_ROLES.includes(role)) {
        throw new ConfigurationError(
          `${at}.roles`,
          `"${String(role)}" is not a role; use ${API_ROLES.join(', ')}`,
        );
      }
    }
  });
}

/** Turns an `Authorization` header into a caller, comparing secrets in constant time. */
export class Authenticator {
  private readonly entries: ReadonlyArray<{ hash: Buffer; caller: Caller }>;
  private readonly verify: AuthOptions['verify'];

  constructor(auth: AuthOptions) {
    validateAuthOptions(auth);
    this.entries = (auth.tokens ?? []).map((t) => ({
      hash: digest(t.token),
      caller: { customerId: t.customerId, userId: t.userId, roles: [...t.roles] },
    }));
    this.verify = auth.verify;
  }

  /** The caller of a request; throws `UnauthorizedError` without a valid bearer token. */
  async authenticate(header: string | undefined): Promise<Caller> {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
    const token = match?.[1];
    if (!token) throw new UnauthorizedError();
    // Hashing first gives equal-length buffers, and every entry is compared, so neither the
    // length of a secret nor which entry matched shows in the response time.
    const presented = digest(token);
    let found: Caller | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.hash, presented) && !found) found = entry.caller;
    }
    if (!found && this.verify) found = await this.verify(token);
    if (!found) throw new UnauthorizedError();
    return found;
  }
}

/** Throws `ForbiddenError` unless the caller's roles grant `permission`. */
export function requirePermission(caller: Caller, permission: Permission): void {
  if (caller.roles.some((role) => ROLE_FOR[permission].includes(role))) return;
  const role = permission === 'write' ? 'operator' : 'viewer';
  throw new ForbiddenError('hangar.http.roleRequired', { role, roles: caller.roles.join(', ') || '(none)' });
}

/** Throws `ForbiddenError` with `key` unless the caller is an admin. */
export function requireAdmin(caller: Caller, key: ForbiddenKey): void {
  if (!caller.roles.includes('admin'))
    throw new ForbiddenError(key, { roles: caller.roles.join(', ') || '(none)' });
}

/**
 * The customer a request acts for: the token's own, or for an admin the `?customerId=` it names.
 * Everything the API reads or changes is scoped to this customer.
 */
export function actingCustomer(caller: Caller, requested: string | undefined): string {
  if (requested === undefined || requested === caller.customerId) return caller.customerId;
  if (!caller.roles.includes('admin')) {
    throw new ForbiddenError('hangar.http.customerForbidden', { customerId: requested });
  }
  return requested;
}
