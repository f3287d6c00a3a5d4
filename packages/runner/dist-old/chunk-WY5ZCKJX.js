// src/worker/isolation/thread-messages.ts
import {
  errorInfoFromError,
  HangarError
} from "@hangar/core";
function serializeError(error, type) {
  const detailed = error?.errorInfo;
  const errorInfo = Array.isArray(detailed) && detailed.length > 0 ? detailed : [errorInfoFromError(error, type)];
  const base = error instanceof Error ? error : new Error(String(error));
  return {
    name: base.name,
    message: base.message,
    stack: base.stack,
    hangar: HangarError.isInstance(error) ? { code: error.code, key: error.key, params: error.params, retryable: error.retryable } : void 0,
    errorInfo
  };
}
function deserializeError(serialized) {
  const { hangar } = serialized;
  const error = hangar ? new HangarError(hangar.code, hangar.key, serialized.message, {
    params: hangar.params,
    retryable: hangar.retryable
  }) : new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return Object.assign(error, { errorInfo: serialized.errorInfo });
}

export {
  serializeError,
  deserializeError
};
//# sourceMappingURL=chunk-WY5ZCKJX.js.map