import {
  JOB_STATES,
  JOB_TRANSITIONS,
  type JobState,
  PARENT_CONDITION_STATES,
  type ParentCondition,
  RETRYABLE_STATES,
  TERMINAL_STATES,
} from '@hangar/core';

/** A Lua table literal used as a set of states: `{ Succeeded = true, Failed = true }`. */
function luaStateSet(states: readonly JobState[]): string {
  return `{ ${states.map((state) => `${state} = true`).join(', ')} }`;
}

/**
 * The state machine as Lua tables, written from `JOB_TRANSITIONS` when the module loads, so that
 * the scripts cannot drift from the table every adapter follows: `TERMINAL` is the set of states
 * a job never leaves, `MOVES[from]` the set of states it may move to.
 */
export const LUA_STATE_MACHINE = `
local TERMINAL = ${luaStateSet(TERMINAL_STATES)}
local RETRYABLE = ${luaStateSet(RETRYABLE_STATES)}
local MOVES = {
${JOB_STATES.map((from) => `  ${from} = ${luaStateSet(JOB_TRANSITIONS[from])},`).join('\n')}
}
-- the terminal states each parent condition accepts ('end' is a Lua keyword, hence the brackets)
local CONDITION = {
${(Object.keys(PARENT_CONDITION_STATES) as ParentCondition[]).map((c) => `  ['${c}'] = ${luaStateSet(PARENT_CONDITION_STATES[c])},`).join('\n')}
}
`;
