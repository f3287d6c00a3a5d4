import {
  TriggerCallsBase
} from "./chunk-V7NQM3WP.js";

// src/operator-calls/operator-calls.ts
var OperatorCallsBase = class extends TriggerCallsBase {
  retryJob(jobId, request) {
    return this.operatorCalls.retryJob(jobId, request);
  }
  deleteJob(jobId, options) {
    return this.operatorCalls.deleteJob(jobId, options);
  }
  advertiseRunner(info, ttlMs) {
    return this.operatorCalls.advertiseRunner(info, ttlMs);
  }
  withdrawRunner(id) {
    return this.operatorCalls.withdrawRunner(id);
  }
  listRunners() {
    return this.operatorCalls.listRunners();
  }
  queueDepths() {
    return this.operatorCalls.queueDepths();
  }
};

export {
  OperatorCallsBase
};
//# sourceMappingURL=chunk-PNMMH5C3.js.map