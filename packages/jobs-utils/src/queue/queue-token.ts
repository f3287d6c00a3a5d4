import { createServiceToken, type QueueAdapter } from '@hangar/core';

/**
 * The queue the host's runner uses, for jobs that manage the queue itself (`utils.cleanup`). The
 * runner does not register it on its own: the host passes it in `services`, e.g.
 * `services: [{ token: queueAdapterToken, value: queue }]`.
 */
export const queueAdapterToken = createServiceToken<QueueAdapter>('hangar.queue-adapter');
