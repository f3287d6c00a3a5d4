/** English messages of every key the utility jobs emit. */
export const messagesEn = {
  'utils.job.runCommandLine': 'Run an allow-listed command line',
  'utils.job.runSqlCommand': 'Run a SQL script on a configured connection',
  'utils.job.runStoredProcedure': 'Call a stored procedure or function on a configured connection',
  'utils.progress.procedureStarted': 'Calling {procedure}',
  'utils.progress.procedureDone': '{procedure} done: {rows} rows returned',
  'utils.error.procedureFailed': '{procedure} failed: {detail}',
  'utils.job.cleanup':
    'Delete finished jobs, old files, leftover staging tables and old modification-log entries',
  'utils.progress.cleanup': 'Cleaning {kind}: {done} so far (dry run: {dryRun})',
  'utils.progress.cleanupKindDone': '{kind}: {count} deleted, {bytes} bytes (dry run: {dryRun})',
  'utils.job.closePeriod': 'Close a period (lock its consos) or reopen it',
  'utils.progress.closePeriod': 'Period {period} ({action}): {done} of {total} consos',
  'utils.progress.closePeriodDone': 'Period {period} ({action}) done: {consos} consos changed',
  'utils.error.periodBusy':
    'Period {period} cannot be closed: job {jobId} ({jobType}) on {conso} is queued or running',
  'utils.log.periodClosed': 'Period {period} closed by {login}; {consos} consos locked',
  'utils.log.consoLockedForClosing': 'Conso {conso} locked by {login} to close period {period}',
  'utils.log.periodReopened': 'Period {period} reopened by {login}',
  'utils.job.indexRebuild': 'Rebuild indexes table by table',
  'utils.progress.indexTable': 'Rebuilding the indexes of {table} ({done} of {total} tables done)',
  'utils.progress.indexBloat':
    'Index {index} of {table}: about {bloat}% bloat ({wasted} bytes to win back, by {method}); {@decision}',
  'utils.progress.indexBloatUnknown':
    'Index {index} of {table}: bloat unknown (not a btree, or no statistics yet: run ANALYZE); {@decision}',
  'utils.progress.indexRebuilding': 'rebuilding it',
  'utils.progress.indexKept': 'left as it is',
  'utils.progress.indexDone': 'Indexes of {total} tables rebuilt',
  'utils.progress.commandStarted': 'Running {command} in {cwd}',
  'utils.progress.commandDone': '{command} finished: {stdout} lines of output, {stderr} lines of errors',
  'utils.progress.statement': 'Statement {statement} of {total} (line {line})',
  'utils.progress.sqlDone': '{total} statements run on {connection}',
  'utils.commandLine.stdout': '{line}',
  'utils.commandLine.stderr': 'stderr: {line}',
  // Rendered for errors stored before `SYSTEM_JOB_REQUIRED` (hangar.error.systemJobRequired) replaced it.
  'utils.error.systemOnly': '{jobType} runs as a system job only; customer {tenant} may not run it',
  'utils.error.notAllowed': 'Parameter "{field}": {value} is not in the allow-list',
  'utils.error.badPath': 'Parameter "{field}": {path} {problem}',
  'utils.error.invalidParam': 'Parameter "{field}": {problem}',
  'utils.error.commandFailed': '{command} failed ({exit}). Last lines:\n{lastLines}',
  'utils.error.commandTimeout': '{command} ran past its timeout of {timeoutMs} ms and was stopped',
  'utils.error.unknownConnection': 'Parameter "{field}": no connection named "{name}"',
  'utils.error.sqlFailed':
    'Statement {statement} (line {line}) failed: {detail}; {committed} statements committed',
} as const;
