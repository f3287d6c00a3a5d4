export {
  type AdapterContractOptions,
  type AdapterTestContext,
  type ContractScope,
  sleep,
  testJob,
  testWorker,
} from './contract-harness.js';
export {
  type CatalogCheckOptions,
  type CatalogProblems,
  messageCatalogProblems,
} from './message-catalog-check.js';
export { collectChanges, queueAdapterContract } from './queue-adapter-contract.js';
export { type RecordedLogEntry, recordingLogger } from './recording-logger.js';
