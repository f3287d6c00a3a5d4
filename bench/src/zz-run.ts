import { benchConsolidation } from './conso-bench.js';

await benchConsolidation({ companies: Number(process.argv[2]), accounts: Number(process.argv[3]) });
