import type { JobRecord, WorkerIdentity } from '@hangar/core';
import { copyValue } from './value-copy.js';

/** Slots of the fields whose objects stored records share, one copy kept per slot. */
const RUN_AT = 0;
const CREATED_AT = 1;
const UPDATED_AT = 2;
const STARTED_AT = 3;
const FINISHED_AT = 4;
const LEASE = 5;
const WORKER = 6;
const SLOTS = 7;

/**
 * Copies job records for one answer of the memory queue (a claim, a page), sharing nothing with
 * the store.
 *
 * Stored records share objects: the jobs of one claim one worker identity and lease date, the
 * records written in one millisecond one date (`MemoryStore.dateAt`). Such an object is copied
 * once per answer, not once per record: each field keeps its last source and copy, and a record
 * whose field holds the same source gets the same copy. The records of one answer may thus share
 * a date or a worker identity with each other, never with the store. A claim of hundreds of jobs
 * makes a handful of dates instead of six per job, which was much of the garbage collector's work.
 *
 * The fields are copied by name, not by walking the record (the walk was the largest part of
 * the memory queue's cost per claimed job); `record-copy.test.ts` fails when `JobRecord` gains
 * a field this copy does not know.
 */
export class RecordCopier {
  private readonly sources: Array<object | undefined> = new Array<object | undefined>(SLOTS).fill(undefined);
  private readonly copies: Array<object | undefined> = new Array<object | undefined>(SLOTS).fill(undefined);

  /** A copy of `job` sharing no object with it. */
  copy(job: JobRecord): JobRecord {
    const copy: JobRecord = { ...job };
    copy.params = copyValue(job.params);
    copy.runAt = this.date(RUN_AT, job.runAt);
    copy.createdAt = this.date(CREATED_AT, job.createdAt);
    copy.updatedAt = this.date(UPDATED_AT, job.updatedAt);
    if (job.startedAt) copy.startedAt = this.date(STARTED_AT, job.startedAt);
    if (job.finishedAt) copy.finishedAt = this.date(FINISHED_AT, job.finishedAt);
    if (job.leaseExpiresAt) copy.leaseExpiresAt = this.date(LEASE, job.leaseExpiresAt);
    if (job.worker) {
      if (this.sources[WORKER] !== job.worker) {
        this.sources[WORKER] = job.worker;
        this.copies[WORKER] = { ...job.worker };
      }
      copy.worker = this.copies[WORKER] as WorkerIdentity;
    }
    copy.parents = job.parents.length === 0 ? [] : copyValue(job.parents);
    if (job.progress) copy.progress = copyValue(job.progress);
    if (job.result) copy.result = copyValue(job.result);
    if (job.errorInfo) copy.errorInfo = copyValue(job.errorInfo);
    if (job.metadata) copy.metadata = copyValue(job.metadata);
    return copy;
  }

  private date(slot: number, source: Date): Date {
    if (this.sources[slot] === source) return this.copies[slot] as Date;
    const copy = new Date(source.getTime());
    this.sources[slot] = source;
    this.copies[slot] = copy;
    return copy;
  }
}

/** A copy of one record sharing no object with it. */
export function copyRecord(job: JobRecord): JobRecord {
  return new RecordCopier().copy(job);
}
