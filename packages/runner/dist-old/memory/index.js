import "../chunk-YW6YMBKT.js";
import {
  MemoryQueue,
  MemoryStore
} from "../chunk-B6TWPKTS.js";
import "../chunk-V7NQM3WP.js";
export {
  MemoryQueue,
  MemoryStore
};
//# sourceMappingURL=index.js.map