import { HangarError } from '@hangar/core';

/** A saved mapping profile is invalid: unknown table or column, bad JSON, a transform that cannot apply. */
export class MappingProfileError extends HangarError {
  constructor(profile: string, problem: string) {
    super(
      'IMPORTEXPORT_BAD_PROFILE',
      'importexport.error.profile',
      `Mapping profile "${profile}" is invalid: ${problem}`,
      {
        params: { profile, problem },
        retryable: false,
      },
    );
  }
}
