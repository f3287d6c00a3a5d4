import type { messagesEn } from './messages-en.js';

/** French messages; typed against the English catalog so no key can be missing. */
export const messagesFr: Record<keyof typeof messagesEn, string> = {
  'conso.job.integration': 'Consolidation : catégories liées, liasses, ajustements et éliminations',
  'conso.job.ownership': 'Calcul des pourcentages de détention indirects',
  'conso.job.action': 'Action sur une conso : verrouiller, déverrouiller, recalculer une étape ou effacer',
  'conso.job.deleteConso': 'Supprimer une conso et tout ce qui en dépend',
  'conso.job.deleteCustomer': 'Supprimer un client et toutes ses données',
  'conso.job.copyConso': 'Copier une conso vers un nouveau code, une période ou une catégorie',
  'conso.job.copySubGroup': 'Copier une société et les sociétés qu’elle détient vers une autre conso',
  'conso.job.copyStructure':
    'Copier une structure (sociétés, comptes, flux, catégories, règles) vers un autre client',
  'conso.job.systemLogs':
    "Exporter le journal des modifications et l'historique des tâches en CSV, puis purger les anciennes entrées",
  'conso.job.customProcedure': 'Exécuter une procédure enregistrée pour le client',
  'conso.job.backup': 'Sauvegarder la base de consolidation',
  'conso.job.restore': 'Restaurer la base de consolidation depuis une sauvegarde',
  'conso.job.workflow': 'Exécuter un workflow déclaré de jobs (séquences, branches parallèles, conditions)',

  'conso.progress.step': "Conso {index}/{count} '{code}' : {@step}",
  'conso.step.linkedCategories': 'Report des catégories liées',
  'conso.step.formulas': 'Application des formules avant consolidation',
  'conso.step.bundles': 'Conversion et intégration des liasses',
  'conso.step.adjustments': 'Conversion et comptabilisation des ajustements',
  'conso.step.elims': 'Calcul des éliminations',
  'conso.progress.ownership': "Calcul des pourcentages de détention de la conso '{conso}'",
  'conso.progress.ownershipDone': "Conso '{conso}' : détention de {companies} sociétés enregistrée",
  'conso.progress.locked': "Conso '{conso}' verrouillée par {login}",
  'conso.progress.unlocked': "Conso '{conso}' déverrouillée",
  'conso.progress.cleared': "Conso '{conso}' : {rows} lignes consolidées supprimées",
  'conso.progress.deleting': "Suppression de '{target}' : {table}, {rows} lignes jusqu'ici",
  'conso.progress.copying': "Copie de '{source}' vers '{target}' : {table}",
  'conso.progress.systemLogs': 'Journaux système : {part}',
  'conso.progress.customProcedure': 'Exécution de la procédure {procedure}',
  'conso.progress.backup': 'Sauvegarde {name} : {part}',
  'conso.progress.backupDone': 'Sauvegarde {name} écrite ({bytes} octets, schéma {schemaVersion})',
  'conso.progress.restore': 'Restauration de {backup} : {table}',
  'conso.progress.restoreDone': 'Sauvegarde {backup} (schéma {schemaVersion}) restaurée',
  'conso.progress.customerRestored': 'Client {customer} restauré depuis l’archive {backup} : {rows} lignes',

  'conso.warning.emptyScope': "La conso '{conso}' n'a aucune société dans son périmètre ; elle est ignorée",
  'conso.warning.journalNotBalanced':
    "Le journal {journal} de la conso '{conso}' n'est pas marqué équilibré ; il n'est pas comptabilisé",
  'conso.warning.notLocked': "La conso '{conso}' n'était pas verrouillée",
  'conso.warning.deletionResumed':
    "La suppression de '{target}' commencée le {since} ne s'est pas terminée ; elle reprend",
  'conso.warning.jobHistoryUnavailable':
    "L'hôte ne donne pas accès à l'historique des tâches : seul le journal des modifications est exporté",
  'conso.warning.runningJobsUnknown':
    "L'hôte ne permet pas de lister les tâches en cours : assurez-vous qu'aucune ne tourne sur cette base pendant la restauration",

  'conso.log.integrationStarted':
    "Consolidation de la conso '{conso}' démarrée (étapes {steps}, {companies} sociétés)",
  'conso.log.integrationFinished': "Consolidation de la conso '{conso}' terminée",
  'conso.log.integrationSkipped':
    "Consolidation de la conso '{conso}' ignorée : aucune société dans son périmètre",
  'conso.log.integrationFailed':
    "Échec de la consolidation de la conso '{conso}' ({code}) ; ses données ont été restaurées",

  'conso.outcome.done': "Conso '{conso}' terminée",
  'conso.outcome.skipped': "Conso '{conso}' ignorée : aucune société dans son périmètre",
  'conso.outcome.notStarted': "Conso '{conso}' non démarrée",
  'conso.log.locked': "Conso '{conso}' verrouillée par {login}",
  'conso.log.unlocked': "Conso '{conso}' déverrouillée par {login}",
  'conso.log.cleared': "Données consolidées de la conso '{conso}' effacées ({rows} lignes)",
  'conso.log.deletionStarted': "Suppression de la conso '{conso}' commencée (reprise : {resumed})",
  'conso.log.consoDeleted': "Conso '{conso}' supprimée ({rows} lignes)",
  'conso.log.customerDeletionStarted': "Suppression du client '{customer}' commencée (reprise : {resumed})",
  'conso.log.consoCopied': "Conso '{source}' copiée vers '{target}'",
  'conso.log.subGroupCopied': "Sous-groupe {companies} copié de la conso '{source}' vers '{target}'",
  'conso.log.structureCopied':
    "Structure de '{source}' copiée vers '{target}' ({conflicts} conflits laissés tels quels)",
  'conso.log.systemLogsExported':
    'Journaux système exportés ({entries} entrées, {jobs} tâches), {purged} anciennes entrées purgées',
  'conso.log.customProcedureRun': 'Procédure {procedure} exécutée avec {values}',

  'conso.error.consoLocked':
    "La conso '{conso}' est verrouillée par {lockedBy} depuis le {lockedAt:datetime} ; déverrouillez-la d’abord",
  'conso.error.stepTimeout':
    "Conso '{conso}' : l'étape {@step} a dépassé la limite de durée des instructions ({limitMs} ms) ; la conso a été restaurée",
  'conso.error.accountMissing': "La conso '{conso}' a besoin du compte {account}, absent du plan de comptes",
  'conso.error.storedProcedure':
    "La procédure stockée {procedure} a signalé {errors} erreur(s) pour la conso '{conso}'",
  'conso.error.formula': 'La formule « {expression} » est invalide : {problem}',
  'conso.error.consosFailed': '{count} consos sur {total} ont échoué : {failed}',
  'conso.error.blockingRulesFailed':
    'La conso « {conso} » n’a pas été consolidée : {count} contrôle(s) bloquant(s) en échec ({rules})',
  'conso.error.ruleFailed':
    'Société {company}, règle {rule} ({name}) : attendu {expected}, trouvé {actual} (écart {difference})',
  'conso.error.caseFile': 'Impossible de lire le cas {file} : {problem}',
  'conso.error.notLockedBy': "La conso '{conso}' est verrouillée par {lockedBy}, et non par {login}",
  // Rendered for errors stored before the rule moved to core (hangar.error.systemJobRequired).
  'conso.error.systemJobRequired':
    "La tâche {type} ne s'exécute qu'en tâche système ; le client {tenant} ne peut pas la lancer",
  'conso.error.consoCodeTaken': 'Paramètre « {param} » : la conso {code} existe déjà',
  'conso.error.copyConflict': 'Paramètre « {param} » : la cible a déjà des {table} pour {conflicts}',
  'conso.error.systemLogsNotConfigured':
    "L'export des journaux système n'est pas configuré : donnez au plugin son répertoire systemLogs",
  'conso.error.customProcedureParam': 'Paramètre « {param} » de la procédure {procedure} : {problem}',
  'conso.error.customProcedureFailed': 'La procédure {procedure} a signalé {errors} erreur(s)',
  'conso.error.backupNotConfigured':
    'Les sauvegardes ne sont pas configurées : donnez au plugin son répertoire de sauvegarde et l’URL de la base',
  'conso.error.backupInvalid':
    'Paramètre « {param} » : la sauvegarde {backup} ne peut pas être restaurée : {problem}',
  'conso.error.backupSchemaTooNew':
    'La sauvegarde {backup} a le schéma {backupVersion}, plus récent que cette version ({codeVersion}) ; mettez à jour d’abord',
  'conso.error.restoreBlocked':
    'Une restauration doit attendre qu’aucune tâche ne tourne ; en cours : {jobs}',
  'conso.error.backupToolFailed': '{tool} a échoué (code {exitCode}) : {output}',
  'conso.error.restoreCustomerExists':
    'Paramètre « {param} » : le client {customer} de l’archive {backup} existe déjà ici ; restaurez avec replace: true pour remplacer ses données',

  'conso.error.engine.holdingsOver100':
    "Conso '{conso}' : les détentions directes ({field}) dans {company} totalisent {total}, plus de 100 %",
  'conso.error.engine.invalidCase': 'Entrée invalide en {field} : {problem}',
  'conso.error.engine.missingRate': "Conso '{conso}' : pas de cours {rateKind} pour la devise {currency}",
  'conso.error.engine.ownershipSingular':
    "Conso '{conso}' : les sociétés {companies} se détiennent à 100 % sans actionnaire extérieur",
  'conso.error.engine.percentOutOfRange':
    "Conso '{conso}' : la détention {holder} -> {held} a un {field} de {value}, hors de 0-100 %",
  'conso.error.engine.bundleUnbalanced':
    "Conso '{conso}' : la liasse de {company} n'est pas équilibrée (total {total})",
  'conso.error.engine.journalUnbalanced':
    "Conso '{conso}' : le journal {journal} de {company} n'est pas équilibré (total {total})",
  'conso.error.engine.unknownAccount': "Conso '{conso}' : compte inconnu {account} ({context})",
  'conso.error.engine.unknownCompany': "Conso '{conso}' : société inconnue {company} ({context})",
  'conso.error.engine.unknownShareClass':
    "Conso '{conso}' : la société {company} n'a pas de catégorie d'actions {shareClass}",
  'conso.error.engine.unknownStep': 'Étape inconnue {step}',
  'conso.error.workflowFailed': 'Workflow « {workflow} » : {count} étape(s) en échec ou annulée(s) : {steps}',
  'conso.workflow.progress':
    'Workflow « {workflow} » : {done} étapes sur {total} terminées, {running} en file',
  'conso.workflow.stepSkipped': 'Workflow « {workflow} » : étape « {step} » ignorée ({reason})',
  'conso.job.processManagement':
    'Processus de clôture : statuts des sociétés, étapes dues et relances des sociétés en retard',
  'conso.progress.process': 'Clôture de la conso « {conso} » : {@phase}',
  'conso.process.phase.1': 'faits lus',
  'conso.process.phase.2': 'statuts des sociétés mis à jour',
  'conso.process.phase.3': 'étapes dues vérifiées',
  'conso.process.phase.4': 'sociétés en retard relancées',
  'conso.progress.processDone':
    'Clôture de la conso « {conso} » : {validated} sociétés validées sur {companies}, {consolidated} consolidées, {reminders} relances',
  'conso.progress.processStepStarted': 'Clôture de la conso « {conso} » : consolidation lancée (tâche {job})',
  'conso.process.stage.submitted': 'données remontées',
  'conso.process.stage.validated': 'données validées',
  'conso.process.stage.consolidated': 'consolidée',
  'conso.warning.processLate':
    'La société {company} est en retard pour la conso « {conso} » : {@stage} attendu au plus tard le {deadline}',
  'conso.warning.processStepHeld':
    'La conso « {conso} » est prête à consolider mais verrouillée ou sa période clôturée (par {by}) ; la consolidation n’a pas été lancée',
  'conso.log.processAdvanced': 'Clôture de la conso « {conso} » : société {company}, {@stage}',
  'conso.log.processReset':
    'Clôture de la conso « {conso} » : la société {company} n’est plus à l’état {@stage} (données ou règles modifiées)',
  'conso.log.processReminder':
    'Relance : la société {company} est en retard pour la conso « {conso} » : {@stage} attendu au plus tard le {deadline}',
  'conso.log.processStepStarted': 'Clôture de la conso « {conso} » : consolidation lancée (tâche {job})',
};
