import { buffer } from 'node:stream/consumers';
import { type ServiceResolver, TenantMismatchError } from '@hangar/core';
import { fileStoreOf } from '@hangar/jobs-importexport';
import { AttachmentNotFoundError } from '../errors/attachment-not-found-error.js';
import { JobParamError } from '../errors/job-param-error.js';
import { jobRecordsToken } from '../services/job-records.js';

/** An attachment as a parameter names it: an output file of another job. */
export interface AttachmentRef {
  /** Id of the job that produced the file. */
  job: string;
  /** The file's name among that job's output files. */
  file: string;
}

/** An output file found on its job's record. */
export interface FoundAttachment {
  filename: string;
  contentType: string;
  location: string;
  size: number;
}

/** Who may attach whose files: the tenant's jobs only; a system job, the files of the customer it names. */
export interface AttachmentOwner {
  /** The job's tenant; undefined for a system job. */
  tenant: string | undefined;
  /** The customer the files must belong to; undefined lets a system job attach any job's files. */
  customer: string | undefined;
}

/**
 * Finds every attachment on its job's record, before anything is read or sent: a job of another
 * customer is `TENANT_MISMATCH`, a missing job or file `OTHER_ATTACHMENT_NOT_FOUND`, too much in
 * all `OTHER_PARAM_INVALID` naming `attachments`.
 */
export async function findAttachments(
  services: ServiceResolver,
  refs: readonly AttachmentRef[],
  owner: AttachmentOwner,
  maxBytes: number,
  paramOf: (index: number) => string = (index) => `attachments.${index}`,
): Promise<FoundAttachment[]> {
  if (refs.length === 0) return [];
  if (!services.has(jobRecordsToken)) {
    throw new JobParamError(
      paramOf(0).replace(/\.0$/, ''),
      'the host registered no job records (jobRecordsToken)',
    );
  }
  const records = services.get(jobRecordsToken);
  const found: FoundAttachment[] = [];
  for (const [i, ref] of refs.entries()) {
    const record = await records.get(ref.job);
    if (record === undefined) throw new AttachmentNotFoundError(`${paramOf(i)}.job`, ref.job, ref.file);
    if (owner.customer !== undefined && record.customerId !== owner.customer) {
      throw new TenantMismatchError(`${paramOf(i)}.job`, ref.job, owner.tenant ?? owner.customer);
    }
    const file = record.result?.outputFiles?.find((f) => f.name === ref.file);
    if (file === undefined) throw new AttachmentNotFoundError(`${paramOf(i)}.file`, ref.job, ref.file);
    found.push({
      filename: file.name,
      contentType: file.mediaType,
      location: file.location,
      size: file.size,
    });
  }
  const total = found.reduce((n, f) => n + f.size, 0);
  if (total > maxBytes) {
    throw new JobParamError(
      paramOf(0).replace(/\.0$/, ''),
      `${total} bytes in all, more than the ${maxBytes} allowed`,
    );
  }
  return found;
}

/** Reads the attachments' bytes from the file store. */
export async function readAttachments(
  services: ServiceResolver,
  found: readonly FoundAttachment[],
  signal: AbortSignal,
): Promise<{ filename: string; contentType: string; content: Buffer }[]> {
  const store = fileStoreOf(services);
  const read = [];
  for (const file of found) {
    const content = await buffer(await store.openRead(file.location, signal));
    read.push({ filename: file.filename, contentType: file.contentType, content });
  }
  return read;
}
