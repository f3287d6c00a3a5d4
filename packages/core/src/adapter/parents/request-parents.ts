import type { ParentDependency } from '../../queue/parent-dependency.js';
import type { EnqueueRequest } from '../../queue/queue-adapter.js';

/**
 * The parents of a request as stored: `parents` with each condition filled in (`success` when
 * left out), or `parentId` as the one parent it stands for, or none. Call it after
 * `checkEnqueueRequests`, which refuses both given at once.
 *
 * @example
 * requestParents({ ...request, parentId: 'a' }); // [{ id: 'a', on: 'success' }]
 * requestParents({ ...request, parents: [{ id: 'a', on: 'end' }, { id: 'b' }] });
 * // [{ id: 'a', on: 'end' }, { id: 'b', on: 'success' }]
 */
export function requestParents(request: EnqueueRequest): ParentDependency[] {
  if (request.parents !== undefined) return request.parents.map((p) => ({ id: p.id, on: p.on ?? 'success' }));
  return request.parentId === undefined ? [] : [{ id: request.parentId, on: 'success' }];
}
