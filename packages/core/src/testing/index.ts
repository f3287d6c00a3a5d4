export { queueAdapterContract, collectChanges } from './queue-adapter-contract.js';
export {
  sleep,
  testJob,
  testWorker,
  type AdapterContractOptions,
  type AdapterTestContext,
  type ContractScope,
} from './contract-harness.js';
