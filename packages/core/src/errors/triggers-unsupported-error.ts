import { HangarError } from './hangar-error.js';

/** The queue adapter does not store event triggers (it does not implement `TriggerStore`). */
export class TriggersUnsupportedError extends HangarError {
  constructor(adapter: string) {
    super(
      'TRIGGERS_UNSUPPORTED',
      'hangar.error.triggersUnsupported',
      `The "${adapter}" queue adapter does not store event triggers`,
      { params: { adapter }, retryable: false },
    );
  }
}
