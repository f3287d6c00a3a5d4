/** Qualified names of the queue's database objects, derived from its schema. */
export interface SchemaNames {
  /** Schema name as configured (already validated as a plain identifier). */
  readonly schema: string;
  /** Quoted schema, for interpolation into SQL. */
  readonly q: string;
  /** Jobs table. */
  readonly job: string;
  /** Children waiting on parents that have not ended, with their conditions (schema version 6). */
  readonly jobParent: string;
  /** Append-only log and progress entries. */
  readonly jobLog: string;
  /** Named locks with owner and TTL. */
  readonly lock: string;
  /** Recurring schedules. */
  readonly schedule: string;
  /** Applied migration versions. */
  readonly migration: string;
  /** Runner advertisements (schema version 5). */
  readonly runner: string;
  /** Event triggers (schema version 6). */
  readonly eventTrigger: string;
  /** NOTIFY channel of this schema (one per schema, so test schemas do not hear each other). */
  readonly channel: string;
}

/** Names of the objects of `schema`; the schema must already be validated. */
export function schemaNames(schema: string): SchemaNames {
  const q = `"${schema}"`;
  return {
    schema,
    q,
    job: `${q}.job`,
    jobParent: `${q}.job_parent`,
    jobLog: `${q}.job_log`,
    lock: `${q}.lock`,
    schedule: `${q}.schedule`,
    migration: `${q}.migration`,
    runner: `${q}.runner`,
    eventTrigger: `${q}.event_trigger`,
    channel: `hangar_${schema}`,
  };
}
