// src/operator-calls/trigger-calls-base.ts
var TriggerCallsBase = class {
  saveTrigger(trigger) {
    return this.triggerStore.saveTrigger(trigger);
  }
  getTrigger(name) {
    return this.triggerStore.getTrigger(name);
  }
  listTriggers() {
    return this.triggerStore.listTriggers();
  }
  deleteTrigger(name) {
    return this.triggerStore.deleteTrigger(name);
  }
  advanceTrigger(name, expected, next, firedAt) {
    return this.triggerStore.advanceTrigger(name, expected, next, firedAt);
  }
  listFinishedJobs(query) {
    return this.triggerStore.listFinishedJobs(query);
  }
};

export {
  TriggerCallsBase
};
//# sourceMappingURL=chunk-V7NQM3WP.js.map