import type { messagesEn } from './messages-en.js';

/** French messages; typed against the English catalog so a missing key does not compile. */
export const messagesFr: Readonly<Record<keyof typeof messagesEn, string>> = {
  'utils.job.runCommandLine': 'Exécuter une ligne de commande autorisée',
  'utils.job.runSqlCommand': 'Exécuter un script SQL sur une connexion configurée',
  'utils.job.runStoredProcedure':
    'Appeler une procédure stockée ou une fonction sur une connexion configurée',
  'utils.progress.procedureStarted': 'Appel de {procedure}',
  'utils.progress.procedureDone': '{procedure} terminé : {rows} lignes renvoyées',
  'utils.error.procedureFailed': 'Échec de {procedure} : {detail}',
  'utils.job.cleanup':
    'Supprimer les tâches terminées, les anciens fichiers, les tables de préparation abandonnées et les anciennes entrées du journal des modifications',
  'utils.progress.cleanup': 'Nettoyage de {kind} : {done} pour l’instant (simulation : {dryRun})',
  'utils.progress.cleanupKindDone': '{kind} : {count} supprimés, {bytes} octets (simulation : {dryRun})',
  'utils.job.closePeriod': 'Clôturer une période (verrouiller ses consolidations) ou la rouvrir',
  'utils.progress.closePeriod': 'Période {period} ({action}) : {done} consolidations sur {total}',
  'utils.progress.closePeriodDone':
    'Période {period} ({action}) terminée : {consos} consolidations modifiées',
  'utils.error.periodBusy':
    'La période {period} ne peut pas être clôturée : la tâche {jobId} ({jobType}) sur {conso} est en attente ou en cours',
  'utils.log.periodClosed': 'Période {period} clôturée par {login} ; {consos} consolidations verrouillées',
  'utils.log.consoLockedForClosing':
    'Consolidation {conso} verrouillée par {login} pour clôturer la période {period}',
  'utils.log.periodReopened': 'Période {period} rouverte par {login}',
  'utils.job.indexRebuild': 'Reconstruire les index table par table',
  'utils.progress.indexTable': 'Reconstruction des index de {table} ({done} tables sur {total} terminées)',
  'utils.progress.indexBloat':
    'Index {index} de {table} : environ {bloat} % de gonflement ({wasted} octets à récupérer, par {method}) ; {@decision}',
  'utils.progress.indexBloatUnknown':
    'Index {index} de {table} : gonflement inconnu (pas un btree, ou pas encore de statistiques : lancez ANALYZE) ; {@decision}',
  'utils.progress.indexRebuilding': 'reconstruction',
  'utils.progress.indexKept': 'laissé tel quel',
  'utils.progress.indexDone': 'Index de {total} tables reconstruits',
  'utils.progress.commandStarted': 'Exécution de {command} dans {cwd}',
  'utils.progress.commandDone': '{command} terminé : {stdout} lignes de sortie, {stderr} lignes d’erreur',
  'utils.progress.statement': 'Instruction {statement} sur {total} (ligne {line})',
  'utils.progress.sqlDone': '{total} instructions exécutées sur {connection}',
  'utils.commandLine.stdout': '{line}',
  'utils.commandLine.stderr': 'stderr : {line}',
  // Rendered for errors stored before `SYSTEM_JOB_REQUIRED` (hangar.error.systemJobRequired) replaced it.
  'utils.error.systemOnly':
    '{jobType} ne s’exécute qu’en tâche système ; le client {tenant} ne peut pas le lancer',
  'utils.error.notAllowed': 'Paramètre « {field} » : {value} n’est pas dans la liste autorisée',
  'utils.error.badPath': 'Paramètre « {field} » : {path} {problem}',
  'utils.error.invalidParam': 'Paramètre « {field} » : {problem}',
  'utils.error.commandFailed': 'Échec de {command} ({exit}). Dernières lignes :\n{lastLines}',
  'utils.error.commandTimeout': '{command} a dépassé son délai de {timeoutMs} ms et a été arrêté',
  'utils.error.unknownConnection': 'Paramètre « {field} » : aucune connexion nommée « {name} »',
  'utils.error.sqlFailed':
    'Échec de l’instruction {statement} (ligne {line}) : {detail} ; {committed} instructions validées',
};
