import { queueAdapterContract } from '@hangar/core/testing';
import { redisSkipReason, testNamespace } from './redis-test-support.js';

queueAdapterContract({
  name: 'redis',
  skipReason: redisSkipReason,
  async setup() {
    return testNamespace();
  },
});
