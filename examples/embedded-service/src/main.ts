import { startOrdersService } from './service.js';

const service = await startOrdersService(Number(process.env.PORT ?? 3000));
console.log(`Orders service on ${service.url}: POST /orders/42/digest?rounds=50000`);
const stop = () => void service.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
