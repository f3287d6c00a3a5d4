// src/drivers/optional-driver.ts
import { createRequire } from "module";
import { DriverNotInstalledError } from "@hangar/core";
var requireFromRunner = createRequire(import.meta.url);
var loaded = /* @__PURE__ */ new Map();
function requireDriver(driver, feature) {
  if (loaded.has(driver)) return loaded.get(driver);
  try {
    const module = requireFromRunner(driver);
    loaded.set(driver, module);
    return module;
  } catch (cause) {
    const missing = cause?.code === "MODULE_NOT_FOUND" && String(cause.message).includes(`'${driver}'`);
    throw missing ? new DriverNotInstalledError(driver, feature, cause) : cause;
  }
}

export {
  requireDriver
};
//# sourceMappingURL=chunk-7RYAG6XL.js.map