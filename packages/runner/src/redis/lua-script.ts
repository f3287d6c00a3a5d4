import { LUA_CORE } from './lua-core.js';
import { LUA_KEYS } from './redis-keys.js';

/** A script body, which defines `local function main(A)` (`A` being its arguments). */
export interface LuaScript {
  /** The Lua defining `main`. */
  readonly body: string;
  /** Whether it changes jobs (clock, deferred writes and change events around `main`). */
  readonly core: boolean;
  /** Reads only, so Redis may run it on a replica or while out of memory. */
  readonly readOnly: boolean;
  /** Chunks of Lua the body uses besides the core (each set up once in a function library). */
  readonly uses: readonly string[];
}

/** A script that changes jobs: `main` runs between the clock read and the sending of its writes. */
export function coreScript(body: string, uses: readonly string[] = []): LuaScript {
  return { body, core: true, readOnly: false, uses };
}

/** A script that changes no job (locks, schedules, listings): only the key helpers. */
export function keysScript(body: string, options: { readOnly?: boolean } = {}): LuaScript {
  return { body, core: false, readOnly: options.readOnly ?? false, uses: [] };
}

/** The source of a script run with EVALSHA: the shared code is set up again on every call. */
export function evalSource(script: LuaScript): string {
  return script.core
    ? `${LUA_KEYS}${LUA_CORE}${script.uses.join('')}${script.body}
return run(main, KEYS, ARGV)
`
    : `${LUA_KEYS}${script.body}
P = KEYS[1]
return main(ARGV)
`;
}

/**
 * A Redis 7 function library of the scripts: the shared code and each body are set up once when
 * the library loads, so a call pays only for its own work. Each body is scoped in a `do` block.
 */
export function librarySource(library: string, scripts: Readonly<Record<string, LuaScript>>): string {
  const chunks = new Set(Object.values(scripts).flatMap((script) => script.uses));
  const parts = [`#!lua name=${library}\n${LUA_KEYS}${LUA_CORE}`, ...chunks];
  for (const [name, script] of Object.entries(scripts)) {
    const callback = script.core
      ? 'function(keys, args) return run(main, keys, args) end'
      : 'function(keys, args) P = keys[1] return main(args) end';
    const flags = script.readOnly ? ", flags = { 'no-writes' }" : '';
    parts.push(`do
${script.body}
redis.register_function({ function_name = '${library}_${name}', callback = ${callback}${flags} })
end
`);
  }
  return parts.join('');
}
