import type { SchemaNames } from './schema-names.js';

/** The states a job row may hold; mirrors `JobState` of @hangar/core. */
const STATES = `'Scheduled','Awaiting','Enqueued','Processing','Succeeded','Failed','Cancelled'`;

/** Tables and indexes of the first schema version. */
export function tablesSql(n: SchemaNames): string {
  return `
CREATE SEQUENCE ${n.q}.job_id_seq AS bigint;

-- fillfactor leaves room on each page so lease, progress and log-counter updates stay HOT.
CREATE TABLE ${n.job} (
  id               bigint PRIMARY KEY DEFAULT nextval('${n.q}.job_id_seq'),
  type             text NOT NULL,
  queue            text NOT NULL,
  state            text NOT NULL CHECK (state IN (${STATES})),
  priority         integer NOT NULL DEFAULT 0,
  run_at           timestamptz NOT NULL DEFAULT now(),
  attempts         integer NOT NULL DEFAULT 0,
  max_attempts     integer NOT NULL CHECK (max_attempts >= 1),
  params           jsonb,
  customer_id      text,
  user_id          text,
  idempotency_key  text,
  concurrency_key  text,
  parent_id        bigint,
  timeout_ms       bigint,
  metadata         jsonb,
  worker_id        text,
  worker_host      text,
  worker_pid       integer,
  lease_expires_at timestamptz,
  cancel_requested boolean NOT NULL DEFAULT false,
  progress         jsonb,
  log_seq          integer NOT NULL DEFAULT 0,
  result           jsonb,
  error_info       jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  started_at       timestamptz,
  finished_at      timestamptz
) WITH (
  fillfactor = 80,
  -- A queue rewrites its live rows constantly: vacuum and analyze long before the defaults
  -- (20% and 10% of the table) so partial indexes stay small and plans stay right.
  autovacuum_vacuum_scale_factor = 0.02,
  autovacuum_analyze_scale_factor = 0.02
);
ALTER SEQUENCE ${n.q}.job_id_seq OWNED BY ${n.job}.id;

-- Partial indexes hold only live rows, so claiming stays fast with millions of finished jobs.
CREATE INDEX job_runnable_idx ON ${n.job} (priority, run_at, id) WHERE state IN ('Enqueued', 'Scheduled');
CREATE INDEX job_lease_idx ON ${n.job} (lease_expires_at) WHERE state = 'Processing';
CREATE INDEX job_customer_running_idx ON ${n.job} (customer_id) WHERE state = 'Processing';
CREATE INDEX job_cancel_requested_idx ON ${n.job} (worker_id) WHERE state = 'Processing' AND cancel_requested;
CREATE INDEX job_awaiting_parent_idx ON ${n.job} (parent_id) WHERE state = 'Awaiting';
CREATE INDEX job_finished_idx ON ${n.job} (state, finished_at) WHERE state IN ('Succeeded', 'Failed', 'Cancelled');
CREATE INDEX job_customer_list_idx ON ${n.job} (customer_id, id DESC);

-- The database itself guarantees that two jobs sharing a concurrency key never run at once,
-- whatever a claimer gets wrong.
CREATE UNIQUE INDEX job_concurrency_key_running_idx ON ${n.job} (concurrency_key)
  WHERE state = 'Processing' AND concurrency_key IS NOT NULL;

-- One job per (customer, idempotency key); jobs without a customer share the '' customer.
CREATE UNIQUE INDEX job_idempotency_idx ON ${n.job} ((COALESCE(customer_id, '')), idempotency_key)
  WHERE idempotency_key IS NOT NULL;

CREATE TABLE ${n.jobLog} (
  job_id  bigint NOT NULL REFERENCES ${n.job} (id) ON DELETE CASCADE,
  seq     integer NOT NULL,
  at      timestamptz NOT NULL,
  level   text NOT NULL CHECK (level IN ('progress', 'info', 'warning', 'error')),
  message jsonb NOT NULL,
  current double precision,
  total   double precision,
  PRIMARY KEY (job_id, seq)
);

CREATE TABLE ${n.lock} (
  name       text PRIMARY KEY,
  owner      text NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE TABLE ${n.schedule} (
  name        text PRIMARY KEY,
  cron        text NOT NULL,
  timezone    text NOT NULL,
  type        text NOT NULL,
  params      jsonb,
  options     jsonb NOT NULL DEFAULT '{}',
  paused      boolean NOT NULL DEFAULT false,
  next_run_at timestamptz,
  last_run_at timestamptz,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
`;
}

/**
 * Schema version 2: the per-customer indexes hold only jobs that have a customer (every query
 * using them names one), so claiming or finishing a job without a customer, which rewrites its
 * row, adds no entry to them.
 */
export function customerIndexesSql(n: SchemaNames): string {
  return `
DROP INDEX ${n.q}.job_customer_running_idx;
CREATE INDEX job_customer_running_idx ON ${n.job} (customer_id)
  WHERE state = 'Processing' AND customer_id IS NOT NULL;
DROP INDEX ${n.q}.job_customer_list_idx;
CREATE INDEX job_customer_list_idx ON ${n.job} (customer_id, id DESC) WHERE customer_id IS NOT NULL;
`;
}
