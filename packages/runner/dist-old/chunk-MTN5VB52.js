// src/optional-peer/load-optional-peer.ts
import { ConfigurationError } from "@hangar/core";
async function loadOptionalPeer(load, option, pkg) {
  try {
    return await load();
  } catch (error) {
    const code = error.code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new ConfigurationError(
        option,
        `needs the ${pkg} package: install it with \`npm install ${pkg}\`, or turn ${option} off`
      );
    }
    throw error;
  }
}

export {
  loadOptionalPeer
};
//# sourceMappingURL=chunk-MTN5VB52.js.map