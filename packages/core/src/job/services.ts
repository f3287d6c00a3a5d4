/** A typed key for a service in the job context's DI container. */
export interface ServiceToken<T> {
  /** Unique name of the service, e.g. `conso-db`. */
  readonly name: string;
  /** Phantom field carrying the service type; never set. */
  readonly __type?: T;
}

/** Creates a typed service token. Two tokens with the same name address the same service. */
export function createServiceToken<T>(name: string): ServiceToken<T> {
  return { name };
}

/** Resolves services for jobs; the runner backs it with its typedi container. */
export interface ServiceResolver {
  /** The service for `token`; throws when it is not registered. */
  get<T>(token: ServiceToken<T>): T;
  /** Whether `token` is registered. */
  has(token: ServiceToken<unknown>): boolean;
}

/** How a plugin contributes one service: a ready value or a factory run once, lazily. */
export type ServiceRegistration<T = unknown> =
  | { token: ServiceToken<T>; value: T }
  | { token: ServiceToken<T>; factory: (services: ServiceResolver) => T };

/** A resolver over a plain map, for using jobs without a runner (tests, direct construction). */
export function mapServiceResolver(
  entries: Iterable<readonly [ServiceToken<unknown>, unknown]> = [],
): ServiceResolver {
  const map = new Map<string, unknown>();
  for (const [token, value] of entries) map.set(token.name, value);
  return {
    get<T>(token: ServiceToken<T>): T {
      if (!map.has(token.name)) throw new Error(`Service "${token.name}" is not registered`);
      return map.get(token.name) as T;
    },
    has: (token) => map.has(token.name),
  };
}
