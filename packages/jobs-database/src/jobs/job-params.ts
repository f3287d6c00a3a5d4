import { z } from 'zod';

/** A conso or company named by id (number) or code (string). */
export const refParam = z.union([z.number().int().positive(), z.string().min(1)]);

/** Optional customer code or id that conso codes are looked up in (else the job's tenant). */
export const customerParam = z.union([z.string().min(1), z.number().int().positive()]).optional();
