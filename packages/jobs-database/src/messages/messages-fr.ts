import type { messagesEn } from './messages-en.js';

/** French messages; typed against the English catalog so no key can be missing. */
export const messagesFr: Record<keyof typeof messagesEn, string> = {
  'conso.job.integration': 'Consolidation : catégories liées, liasses, ajustements et éliminations',
  'conso.job.ownership': 'Calcul des pourcentages de détention indirects',
  'conso.job.action': 'Action sur une conso : verrouiller, déverrouiller, recalculer une étape ou effacer',

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

  'conso.warning.emptyScope': "La conso '{conso}' n'a aucune société dans son périmètre ; elle est ignorée",
  'conso.warning.journalNotBalanced':
    "Le journal {journal} de la conso '{conso}' n'est pas marqué équilibré ; il n'est pas comptabilisé",
  'conso.warning.notLocked': "La conso '{conso}' n'était pas verrouillée",

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

  'conso.error.consoLocked':
    "La conso '{conso}' est verrouillée par {lockedBy} depuis le {lockedAt:datetime} ; déverrouillez-la d’abord",
  'conso.error.stepTimeout':
    "Conso '{conso}' : l'étape {@step} a dépassé la limite de durée des instructions ({limitMs} ms) ; la conso a été restaurée",
  'conso.error.accountMissing': "La conso '{conso}' a besoin du compte {account}, absent du plan de comptes",
  'conso.error.storedProcedure':
    "La procédure stockée {procedure} a signalé {errors} erreur(s) pour la conso '{conso}'",
  'conso.error.formula': 'La formule « {expression} » est invalide : {problem}',
  'conso.error.consosFailed': '{count} consos sur {total} ont échoué : {failed}',
  'conso.error.caseFile': 'Impossible de lire le cas {file} : {problem}',
  'conso.error.notLockedBy': "La conso '{conso}' est verrouillée par {lockedBy}, et non par {login}",

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
};
