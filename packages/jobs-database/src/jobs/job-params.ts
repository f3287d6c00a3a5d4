import { z } from 'zod';

/** A conso or company named by id (number) or code (string). */
export const refParam = z.union([z.number().int().positive(), z.string().min(1)]);

/** Optional customer code or id that conso codes are looked up in (else the job's tenant). */
export const customerParam = z.union([z.string().min(1), z.number().int().positive()]).optional();

/** Rows a deletion removes per transaction: small enough that no lock is held for long. */
export const deletionBatchParam = z.number().int().min(1).max(100_000).default(5000);
