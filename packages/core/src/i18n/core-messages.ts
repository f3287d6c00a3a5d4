import type { MessageCatalogs } from './translator.js';

/** Messages of the keys the framework itself emits, in English and French. */
export const coreMessages = {
  en: {
    'hangar.error.unrecoverable': 'The job failed and will not be retried: {message}',
    'hangar.error.cancelled': 'Job {jobId} was cancelled',
    'hangar.error.timeout': 'Job {jobId} exceeded its timeout of {timeoutMs} ms',
    'hangar.error.jobNotFound': 'Job {jobId} was not found',
    'hangar.error.unknownJobType': 'Unknown job type "{type}"; registered types: {known}',
    'hangar.error.paramsInvalid': 'Invalid parameters for job "{type}": {issues}',
    'hangar.error.invalidTransition': 'Job {jobId} cannot go from {from} to {to}',
    'hangar.error.config': 'Invalid option "{option}": {problem}',
    'hangar.error.leaseLost': 'Worker {workerId} lost its lease on job {jobId}',
    'hangar.error.leaseExpired': 'The worker running job {jobId} stopped responding; its lease expired',
    'hangar.error.unexpected': 'Unexpected error: {message}',
    'hangar.error.unauthorized': 'Authentication required: send a valid bearer token',
    'hangar.error.forbidden': 'Your role does not allow this action',
    'hangar.error.parentFailed': 'Parent job {parentId} did not succeed',
    'hangar.error.parentConditionUnmet':
      'Parent job {parentId} ended {state}, and this job ran only on its {condition}; it will not run',
    'hangar.error.shutdown': 'The runner shut down before job {jobId} finished',
    'hangar.error.lockUnavailable': 'Lock "{name}" is held by another job (waited {waitMs} ms)',
    'hangar.error.tenantMismatch':
      'Parameter "{param}" ({value}) names data outside customer {tenant}, the tenant of this job',
    'hangar.error.systemJobRequired': '{what} runs only as a system job; customer {tenant} may not run it',
    'hangar.error.scheduleNotFound': 'No schedule named "{name}"',
    'hangar.error.triggerNotFound': 'No trigger named "{name}"',
    'hangar.error.triggersUnsupported': 'The "{adapter}" queue adapter does not store event triggers',
    'hangar.error.jobNotRetryable': 'Job {jobId} is {state}; only a Failed or Cancelled job can be retried',
    'hangar.error.jobNotFinished':
      'Job {jobId} is {state}; only a finished job can be deleted (cancel it first)',
    'hangar.error.retryParentFirst':
      'Job {jobId} runs only on the {condition} of its parent {parentId}, and the parent is {state}; the parent has to end that way first',
    'hangar.error.workflowStillRunning':
      'Workflow {jobId} is {state}; a step is retried once the workflow has ended (cancel it or wait)',
    'hangar.error.jobTypeMismatch': 'Job {jobId} is of type "{actual}", not "{expected}"',
    'hangar.error.terminated':
      'Job {jobId} did not stop within {graceMs} ms of its {reason}; its worker thread was terminated',
    'hangar.error.threadExited':
      'The worker thread of job {jobId} exited with code {exitCode} before the job ended',
    'hangar.error.driverNotInstalled':
      '{feature} needs the "{driver}" package, which is not installed; run: {install}',
    'hangar.progress.started': 'Job started',
    'hangar.progress.retrying': 'Attempt {attempt} failed; retrying in {delayMs} ms',
  },
  fr: {
    'hangar.error.unrecoverable': 'La tâche a échoué et ne sera pas relancée : {message}',
    'hangar.error.cancelled': 'La tâche {jobId} a été annulée',
    'hangar.error.timeout': 'La tâche {jobId} a dépassé son délai de {timeoutMs} ms',
    'hangar.error.jobNotFound': 'La tâche {jobId} est introuvable',
    'hangar.error.unknownJobType': 'Type de tâche inconnu « {type} » ; types enregistrés : {known}',
    'hangar.error.paramsInvalid': 'Paramètres invalides pour la tâche « {type} » : {issues}',
    'hangar.error.invalidTransition': 'La tâche {jobId} ne peut pas passer de {from} à {to}',
    'hangar.error.config': 'Option invalide « {option} » : {problem}',
    'hangar.error.leaseLost': 'Le worker {workerId} a perdu son bail sur la tâche {jobId}',
    'hangar.error.leaseExpired':
      'Le worker qui exécutait la tâche {jobId} ne répond plus ; son bail a expiré',
    'hangar.error.unexpected': 'Erreur inattendue : {message}',
    'hangar.error.unauthorized': 'Authentification requise : envoyez un jeton bearer valide',
    'hangar.error.forbidden': "Votre rôle n'autorise pas cette action",
    'hangar.error.parentFailed': "La tâche parente {parentId} n'a pas réussi",
    'hangar.error.parentConditionUnmet':
      "La tâche parente {parentId} s'est terminée {state}, et cette tâche ne s'exécutait qu'à son {condition} ; elle ne s'exécutera pas",
    'hangar.error.scheduleNotFound': 'Aucune planification nommée « {name} »',
    'hangar.error.triggerNotFound': 'Aucun déclencheur nommé « {name} »',
    'hangar.error.triggersUnsupported': "L'adaptateur de file « {adapter} » ne stocke pas de déclencheurs",
    'hangar.error.jobNotRetryable':
      'La tâche {jobId} est {state} ; seule une tâche Failed ou Cancelled peut être relancée',
    'hangar.error.jobNotFinished':
      "La tâche {jobId} est {state} ; seule une tâche terminée peut être supprimée (annulez-la d'abord)",
    'hangar.error.retryParentFirst':
      "La tâche {jobId} ne s'exécute qu'à la fin ({condition}) de sa parente {parentId}, qui est {state} ; la parente doit d'abord se terminer ainsi",
    'hangar.error.workflowStillRunning':
      'Le workflow {jobId} est {state} ; une étape se relance une fois le workflow terminé (annulez-le ou attendez)',
    'hangar.error.shutdown': "Le runner s'est arrêté avant la fin de la tâche {jobId}",
    'hangar.error.lockUnavailable':
      'Le verrou « {name} » est détenu par une autre tâche (attente de {waitMs} ms)',
    'hangar.error.tenantMismatch':
      'Le paramètre « {param} » ({value}) désigne des données hors du client {tenant}, le client de cette tâche',
    'hangar.error.systemJobRequired':
      "{what} ne s'exécute qu'en tâche système ; le client {tenant} ne peut pas l'exécuter",
    'hangar.error.jobTypeMismatch': 'La tâche {jobId} est de type « {actual} », pas « {expected} »',
    'hangar.error.terminated':
      "La tâche {jobId} ne s'est pas arrêtée dans les {graceMs} ms suivant son {reason} ; son thread a été terminé",
    'hangar.error.threadExited':
      "Le thread de la tâche {jobId} s'est terminé avec le code {exitCode} avant la fin de la tâche",
    'hangar.error.driverNotInstalled':
      "{feature} a besoin du paquet « {driver} », qui n'est pas installé ; lancez : {install}",
    'hangar.progress.started': 'Tâche démarrée',
    'hangar.progress.retrying': 'La tentative {attempt} a échoué ; nouvel essai dans {delayMs} ms',
  },
} as const satisfies MessageCatalogs;
