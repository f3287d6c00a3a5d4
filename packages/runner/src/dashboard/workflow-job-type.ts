/**
 * Job type of a workflow: the workflow job of `@hangar/jobs-database`. The runner does not depend
 * on that pack (the pack depends on the runner), so its name, part of the pack's public
 * contract, is repeated here for the dashboard's Workflows list and the link from a job's page.
 */
export const WORKFLOW_JOB_TYPE = 'conso.workflow';
