import { HangarError } from '@hangar/core';

/** Why a location was refused. */
export type FileLocationProblem = 'outsideStore' | 'outsideArea' | 'notPlainId' | 'notPlainName';

const KEYS: Readonly<Record<FileLocationProblem, string>> = {
  outsideStore: 'importexport.error.fileLocation.outsideStore',
  outsideArea: 'importexport.error.fileLocation.outsideArea',
  notPlainId: 'importexport.error.fileLocation.notPlainId',
  notPlainName: 'importexport.error.fileLocation.notPlainName',
};

/**
 * A job parameter names a file the job may not use: outside the file store (`../x`, an absolute
 * path), outside its tenant's area (another tenant's files), an output name with a folder in it,
 * or for a customer or job id that cannot name a folder. `location` is the value as given and `area` the store-relative area the
 * job may use: never the store's absolute path, which is the server's business.
 */
export class FileLocationError extends HangarError {
  constructor(
    /** The parameter (or id) that named the location: `file`, `fileName`, `customerId`... */
    readonly param: string,
    location: string,
    problem: FileLocationProblem,
    area = '',
  ) {
    const messages: Record<FileLocationProblem, string> = {
      outsideStore: `Parameter ${param}: "${location}" is outside the file store`,
      outsideArea: `Parameter ${param}: "${location}" is outside ${area}, the only files this job may read`,
      notPlainId: `Cannot keep files for ${param} "${location}": a folder name is letters, digits, ".", "_" and "-"`,
      notPlainName: `Parameter ${param}: "${location}" is not a plain file name`,
    };
    super('IMPORTEXPORT_FILE_LOCATION', KEYS[problem], messages[problem], {
      params: { param, location, area },
      retryable: false,
    });
  }
}
