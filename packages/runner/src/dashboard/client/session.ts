import { ApiClient } from './api-client.js';

const TOKEN_KEY = 'hangar.dashboard.token';

/** Who the page is signed in as (`GET dashboard/api/me`). */
export interface Identity {
  userId: string;
  customerId: string;
  roles: readonly string[];
}

/** The signed-in state of the page: the token's client and identity. */
export interface Session {
  api: ApiClient;
  identity: Identity;
  /** Whether the roles allow cancel, retry, delete and schedule changes (the server checks anyway). */
  canWrite: boolean;
  /** Whether the token may act for another customer. */
  isAdmin: boolean;
}

/** The token of this tab, kept in sessionStorage only. */
export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Checks a token against the server and keeps it for this tab; throws the API's refusal. */
export async function signIn(token: string): Promise<Session> {
  const api = new ApiClient(token);
  const identity = await api.json<Identity>('GET', 'dashboard:api/me');
  sessionStorage.setItem(TOKEN_KEY, token);
  const isAdmin = identity.roles.includes('admin');
  return { api, identity, isAdmin, canWrite: isAdmin || identity.roles.includes('operator') };
}

/** Forgets the token of this tab. */
export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}
