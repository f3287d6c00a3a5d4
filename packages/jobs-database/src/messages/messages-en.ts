/** English messages of every key the consolidation jobs and commands emit. */
export const messagesEn = {
  'conso.job.integration': 'Consolidation: linked categories, bundles, adjustments and eliminations',
  'conso.job.ownership': 'Calculate indirect ownership percentages',
  'conso.job.action': 'Conso action: lock, unlock, recompute a step or clear data',
  'conso.job.deleteConso': 'Delete a conso and everything that hangs off it',
  'conso.job.deleteCustomer': 'Delete a customer and all its data',
  'conso.job.copyConso': 'Copy a conso to a new code, period or category',
  'conso.job.copySubGroup': 'Copy a company and the companies it holds into another conso',
  'conso.job.copyStructure':
    'Copy a structure (companies, accounts, flows, categories, rules) to another customer',
  'conso.job.systemLogs': 'Export the modification log and the job history to CSV, then purge old entries',
  'conso.job.customProcedure': 'Run a procedure registered for the customer',
  'conso.job.backup': 'Back up the consolidation database',
  'conso.job.restore': 'Restore the consolidation database from a backup',
  'conso.job.workflow': 'Run a declared workflow of jobs (sequences, parallel branches, conditions)',

  'conso.progress.step': "Conso {index}/{count} '{code}': {@step}",
  'conso.step.linkedCategories': 'Carrying linked categories',
  'conso.step.formulas': 'Applying the formulas before consolidation',
  'conso.step.bundles': 'Converting and integrating bundles',
  'conso.step.adjustments': 'Converting and posting adjustments',
  'conso.step.elims': 'Running the eliminations',
  'conso.progress.ownership': "Calculating the ownership percentages of conso '{conso}'",
  'conso.progress.ownershipDone': "Conso '{conso}': ownership of {companies} companies written",
  'conso.progress.locked': "Conso '{conso}' locked by {login}",
  'conso.progress.unlocked': "Conso '{conso}' unlocked",
  'conso.progress.cleared': "Conso '{conso}': {rows} consolidated rows deleted",
  'conso.progress.deleting': "Deleting '{target}': {table}, {rows} rows so far",
  'conso.progress.copying': "Copying '{source}' to '{target}': {table}",
  'conso.progress.systemLogs': 'System logs: {part}',
  'conso.progress.customProcedure': 'Running procedure {procedure}',
  'conso.progress.backup': 'Backup {name}: {part}',
  'conso.progress.backupDone': 'Backup {name} written ({bytes} bytes, schema {schemaVersion})',
  'conso.progress.restore': 'Restoring {backup}: {table}',
  'conso.progress.restoreDone': 'Backup {backup} (schema {schemaVersion}) restored',
  'conso.progress.customerRestored': 'Customer {customer} restored from archive {backup}: {rows} rows',

  'conso.warning.emptyScope': "Conso '{conso}' has no companies in its scope; it was skipped",
  'conso.warning.journalNotBalanced':
    "Journal {journal} of conso '{conso}' is not flagged balanced; it was not posted",
  'conso.warning.notLocked': "Conso '{conso}' was not locked",
  'conso.warning.deletionResumed': "The deletion of '{target}' started on {since} did not finish; it resumes",
  'conso.warning.jobHistoryUnavailable':
    'The host gives no access to the job history: only the modification log is exported',
  'conso.warning.runningJobsUnknown':
    'The host gave no way to list running jobs: make sure none runs on this database during the restore',

  'conso.log.integrationStarted':
    "Consolidation of conso '{conso}' started (steps {steps}, {companies} companies)",
  'conso.log.integrationFinished': "Consolidation of conso '{conso}' finished",
  'conso.log.integrationSkipped': "Consolidation of conso '{conso}' skipped: no companies in its scope",
  'conso.log.integrationFailed': "Consolidation of conso '{conso}' failed ({code}); its data was rolled back",

  'conso.outcome.done': "Conso '{conso}' completed",
  'conso.outcome.skipped': "Conso '{conso}' skipped: no companies in its scope",
  'conso.outcome.notStarted': "Conso '{conso}' not started",
  'conso.log.locked': "Conso '{conso}' locked by {login}",
  'conso.log.unlocked': "Conso '{conso}' unlocked by {login}",
  'conso.log.cleared': "Consolidated data of conso '{conso}' cleared ({rows} rows)",
  'conso.log.deletionStarted': "Deletion of conso '{conso}' started (resumed: {resumed})",
  'conso.log.consoDeleted': "Conso '{conso}' deleted ({rows} rows)",
  'conso.log.customerDeletionStarted': "Deletion of customer '{customer}' started (resumed: {resumed})",
  'conso.log.consoCopied': "Conso '{source}' copied to '{target}'",
  'conso.log.subGroupCopied': "Sub-group {companies} copied from conso '{source}' to '{target}'",
  'conso.log.structureCopied':
    "Structure of '{source}' copied to '{target}' ({conflicts} conflicts left as they were)",
  'conso.log.systemLogsExported':
    'System logs exported ({entries} log entries, {jobs} jobs), {purged} old entries purged',
  'conso.log.customProcedureRun': 'Procedure {procedure} run with {values}',

  'conso.error.consoLocked':
    "Conso '{conso}' is locked by {lockedBy} since {lockedAt:datetime}; unlock it first",
  'conso.error.stepTimeout':
    "Conso '{conso}': step {@step} ran longer than the statement time limit of {limitMs} ms; the conso was rolled back",
  'conso.error.accountMissing':
    "Conso '{conso}' needs account {account}, which is not in the chart of accounts",
  'conso.error.storedProcedure':
    "Stored procedure {procedure} reported {errors} error(s) for conso '{conso}'",
  'conso.error.formula': 'Formula "{expression}" is invalid: {problem}',
  'conso.error.consosFailed': '{count} of {total} consos failed: {failed}',
  'conso.error.blockingRulesFailed':
    "Conso '{conso}' was not consolidated: {count} blocking validation check(s) failed ({rules})",
  'conso.error.ruleFailed':
    'Company {company}, rule {rule} ({name}): expected {expected}, found {actual} (difference {difference})',
  'conso.error.caseFile': 'Cannot read case {file}: {problem}',
  // Rendered for errors stored before the rule moved to core (hangar.error.systemJobRequired).
  'conso.error.systemJobRequired': 'Job {type} runs only as a system job; customer {tenant} may not run it',
  'conso.error.consoCodeTaken': 'Parameter "{param}": conso {code} already exists',
  'conso.error.copyConflict': 'Parameter "{param}": the target already has {table} for {conflicts}',
  'conso.error.systemLogsNotConfigured':
    'The system logs export is not configured: give the plugin its systemLogs directory',
  'conso.error.customProcedureParam': 'Parameter "{param}" of procedure {procedure}: {problem}',
  'conso.error.customProcedureFailed': 'Procedure {procedure} reported {errors} error(s)',
  'conso.error.backupNotConfigured':
    'Backups are not configured: give the plugin its backup directory and database URL',
  'conso.error.backupInvalid': 'Parameter "{param}": backup {backup} cannot be restored: {problem}',
  'conso.error.backupSchemaTooNew':
    'Backup {backup} has schema {backupVersion}, newer than this version ({codeVersion}); upgrade first',
  'conso.error.restoreBlocked': 'A restore must wait until no job runs; running: {jobs}',
  'conso.error.backupToolFailed': '{tool} failed (exit {exitCode}): {output}',
  'conso.error.restoreCustomerExists':
    'Parameter "{param}": customer {customer} of archive {backup} already exists here; restore with replace: true to replace its data',
  'conso.error.notLockedBy': "Conso '{conso}' is locked by {lockedBy}, not by {login}",

  'conso.error.engine.holdingsOver100':
    "Conso '{conso}': direct holdings ({field}) in {company} total {total}, more than 100%",
  'conso.error.engine.invalidCase': 'Invalid input at {field}: {problem}',
  'conso.error.engine.missingRate': "Conso '{conso}': no {rateKind} rate for currency {currency}",
  'conso.error.engine.ownershipSingular':
    "Conso '{conso}': companies {companies} hold 100% of themselves with no outside shareholders",
  'conso.error.engine.percentOutOfRange':
    "Conso '{conso}': holding {holder} -> {held} has {field} {value}, outside 0-100%",
  'conso.error.engine.bundleUnbalanced':
    "Conso '{conso}': the bundle of {company} does not balance (total {total})",
  'conso.error.engine.journalUnbalanced':
    "Conso '{conso}': journal {journal} of {company} does not balance (total {total})",
  'conso.error.engine.unknownAccount': "Conso '{conso}': unknown account {account} ({context})",
  'conso.error.engine.unknownCompany': "Conso '{conso}': unknown company {company} ({context})",
  'conso.error.engine.unknownShareClass':
    "Conso '{conso}': company {company} has no share class {shareClass}",
  'conso.error.engine.unknownStep': 'Unknown step {step}',
  'conso.error.workflowFailed': 'Workflow "{workflow}": {count} step(s) failed or were cancelled: {steps}',
  'conso.workflow.progress': 'Workflow "{workflow}": {done} of {total} steps done, {running} on the queue',
  'conso.workflow.stepSkipped': 'Workflow "{workflow}": step "{step}" skipped ({reason})',
  'conso.job.processManagement':
    'Closing process: company statuses, due steps and reminders of late companies',
  'conso.progress.process': "Closing of conso '{conso}': {@phase}",
  'conso.process.phase.1': 'facts read',
  'conso.process.phase.2': 'company statuses updated',
  'conso.process.phase.3': 'due steps checked',
  'conso.process.phase.4': 'late companies reminded',
  'conso.progress.processDone':
    "Closing of conso '{conso}': {validated} of {companies} companies validated, {consolidated} consolidated, {reminders} reminders",
  'conso.progress.processStepStarted': "Closing of conso '{conso}': consolidation started (job {job})",
  'conso.process.stage.submitted': 'data submitted',
  'conso.process.stage.validated': 'data validated',
  'conso.process.stage.consolidated': 'consolidated',
  'conso.warning.processLate':
    "Company {company} is late for conso '{conso}': {@stage} was due by {deadline}",
  'conso.warning.processStepHeld':
    "Conso '{conso}' is ready to consolidate but is locked or its period closed (by {by}); the consolidation was not started",
  'conso.log.processAdvanced': "Closing of conso '{conso}': company {company}, {@stage}",
  'conso.log.processReset':
    "Closing of conso '{conso}': company {company} no longer {@stage} (its data or rules changed)",
  'conso.log.processReminder':
    "Reminder: company {company} is late for conso '{conso}': {@stage} was due by {deadline}",
  'conso.log.processStepStarted': "Closing of conso '{conso}': consolidation started (job {job})",
} as const;
