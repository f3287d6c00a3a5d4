/**
 * Exit codes of the CLI. The job outcomes come first (0, 1, 2) so scripts can branch on them;
 * the rest follow BSD sysexits, so a wrapper can tell bad input from an unreachable server.
 */
export const EXIT = {
  /** Done; with `--wait`, the job Succeeded. */
  OK: 0,
  /** The job Failed, or the job was not found. */
  FAILED: 1,
  /** The job was Cancelled. */
  CANCELLED: 2,
  /** Bad command line: unknown command or flag, missing argument, bad JSON in a flag. */
  USAGE: 64,
  /** The server refused the input: invalid parameters or options, unknown job type. */
  DATA: 65,
  /** The server could not be reached or is unavailable. */
  UNAVAILABLE: 69,
  /** An internal error, in the CLI or the server. */
  SOFTWARE: 70,
  /** The token is missing, wrong, or lacks the role. */
  NOPERM: 77,
  /** The config file, a plugin or a queue adapter could not be loaded. */
  CONFIG: 78,
  /** Interrupted by Ctrl-C while waiting. */
  INTERRUPTED: 130,
} as const;

/** One of the exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Exit code for an error code of the HTTP API. */
export function exitCodeForApiError(code: string, status: number): ExitCode {
  switch (code) {
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
      return EXIT.NOPERM;
    case 'PARAMS_INVALID':
    case 'JOB_TYPE_UNKNOWN':
    case 'REQUEST_INVALID':
    case 'CONFIG_INVALID':
      return EXIT.DATA;
    case 'JOB_NOT_FOUND':
    case 'FILE_NOT_FOUND':
      return EXIT.FAILED;
    case 'SERVICE_UNAVAILABLE':
      return EXIT.UNAVAILABLE;
    default:
      return status >= 500 ? EXIT.SOFTWARE : EXIT.FAILED;
  }
}
