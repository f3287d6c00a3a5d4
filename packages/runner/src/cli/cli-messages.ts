import type { MessageCatalogs } from '@hangar/core';

/** Messages of the keys the CLI prints, in English and French. */
export const cliMessages = {
  en: {
    'hangar.cli.unknownCommand': 'Unknown command "{command}".',
    'hangar.cli.usageError': '{problem}',
    'hangar.cli.missingArgument': 'Missing {name}: {hint}',
    'hangar.cli.badJson':
      'The value of {flag} is not valid JSON ({reason}); quote it, e.g. {flag} \'{"a": 1}\'',
    'hangar.cli.badNumber': 'The value of {flag} must be a whole number, got "{value}"',
    'hangar.cli.numberTooSmall': 'The value of {flag} must be at least {min}, got {value}',
    'hangar.cli.numberTooLarge': 'The value of {flag} must be at most {max}, got {value}',
    'hangar.cli.version': 'hangar {version}',
    'hangar.cli.badUrl':
      'The server URL "{url}" is not an http(s) URL; pass e.g. --server http://127.0.0.1:8080',
    'hangar.cli.noToken': 'No API token: pass --token or set HANGAR_TOKEN',
    'hangar.cli.unreachable':
      'Cannot reach the Hangar server at {url} ({reason}); check --server or HANGAR_URL',
    'hangar.cli.badResponse': 'The server at {url} answered {status} without a Hangar error body',
    'hangar.cli.streamLost': 'Lost the event stream of job {jobId} ({reason})',
    'hangar.cli.enqueued': 'Job {jobId} enqueued ({type})',
    'hangar.cli.succeeded': 'Job {jobId} succeeded',
    'hangar.cli.failed': 'Job {jobId} failed',
    'hangar.cli.cancelledJob': 'Job {jobId} was cancelled',
    'hangar.cli.stoppedWaiting': 'Stopped waiting; job {jobId} goes on (see: hangar status {jobId})',
    'hangar.cli.cancelOutcome.cancelled': 'Job {jobId} cancelled; it will not run',
    'hangar.cli.cancelOutcome.requested': 'Cancellation of job {jobId} requested; its worker is stopping it',
    'hangar.cli.cancelOutcome.finished': 'Job {jobId} had already finished ({state})',
    'hangar.cli.jobRetried': 'Job {jobId} is {state} again, with up to {maxAttempts} attempts in all',
    'hangar.cli.jobDeleted': 'Job {jobId} deleted, with its log',
    'hangar.cli.scheduleCreated': 'Schedule {name} created; next run {next}',
    'hangar.cli.scheduleReplaced': 'Schedule {name} replaced; next run {next}',
    'hangar.cli.schedulePaused': 'Schedule {name} paused',
    'hangar.cli.scheduleResumed': 'Schedule {name} resumed; next run {next}',
    'hangar.cli.scheduleDeleted': 'Schedule {name} deleted',
    'hangar.cli.noJobs': 'No jobs',
    'hangar.cli.noSchedules': 'No schedules',
    'hangar.cli.triggerCreated': 'Trigger {name} created',
    'hangar.cli.triggerReplaced': 'Trigger {name} replaced',
    'hangar.cli.triggerPaused': 'Trigger {name} paused',
    'hangar.cli.triggerResumed': 'Trigger {name} resumed; it fires on jobs that end from now on',
    'hangar.cli.triggerDeleted': 'Trigger {name} deleted',
    'hangar.cli.noTriggers': 'No triggers',
    'hangar.cli.morePages': 'More jobs: hangar list --cursor {cursor}',
    'hangar.cli.configNotFound': 'Config file {path} not found; create it or pass --config <file>',
    'hangar.cli.configInvalid': 'Invalid config {path}: {problem}',
    'hangar.cli.envMissing':
      'Config {path}: {field} refers to the environment variable {name}, which is not set',
    'hangar.cli.pluginFailed': 'Could not load plugin {specifier} ({origin}): {reason}',
    'hangar.cli.pluginConflict':
      'Plugin command "{command}" of {plugin} is hidden by an earlier command with the same name',
    'hangar.cli.adapterMissing':
      'The {kind} queue adapter could not be loaded ({reason}); install its driver: npm install {driver}',
    'hangar.cli.badLogLevel': 'HANGAR_LOG_LEVEL is "{value}"; use one of {levels}',
    'hangar.cli.pluginServicesFailed': 'Could not start the services of plugin {plugin}: {reason}',
    'hangar.cli.pluginNeedsSettings':
      'Plugin {plugin} takes settings (such as its database) that the config does not give, so its jobs may miss a service; give them in a "plugins" entry with "package" and "settings"',
    'hangar.cli.listening': 'Hangar listening on {url} with {count} job types; stop with Ctrl-C or SIGTERM',
    'hangar.cli.listenFailed': 'Could not listen on {host}:{port} ({reason})',
    'hangar.cli.stopping': 'Stopping: finishing running jobs',
    'hangar.cli.stopped': 'Stopped',
    'hangar.cli.commandFailed': 'Command "{command}" failed: {reason}',
    'hangar.cli.unexpected': 'Unexpected error: {reason}',
  },
  fr: {
    'hangar.cli.unknownCommand': 'Commande inconnue « {command} ».',
    'hangar.cli.usageError': '{problem}',
    'hangar.cli.missingArgument': 'Il manque {name} : {hint}',
    'hangar.cli.badJson':
      "La valeur de {flag} n'est pas du JSON valide ({reason}) ; mettez-la entre guillemets, par ex. {flag} '{\"a\": 1}'",
    'hangar.cli.badNumber': 'La valeur de {flag} doit être un nombre entier, reçu « {value} »',
    'hangar.cli.numberTooSmall': 'La valeur de {flag} doit être au moins {min}, reçu {value}',
    'hangar.cli.numberTooLarge': 'La valeur de {flag} doit être au plus {max}, reçu {value}',
    'hangar.cli.version': 'hangar {version}',
    'hangar.cli.badUrl':
      "L'URL du serveur « {url} » n'est pas une URL http(s) ; passez par ex. --server http://127.0.0.1:8080",
    'hangar.cli.noToken': "Aucun jeton d'API : passez --token ou définissez HANGAR_TOKEN",
    'hangar.cli.unreachable':
      'Impossible de joindre le serveur Hangar à {url} ({reason}) ; vérifiez --server ou HANGAR_URL',
    'hangar.cli.badResponse': "Le serveur {url} a répondu {status} sans corps d'erreur Hangar",
    'hangar.cli.streamLost': "Flux d'événements de la tâche {jobId} perdu ({reason})",
    'hangar.cli.enqueued': 'Tâche {jobId} mise en file ({type})',
    'hangar.cli.succeeded': 'Tâche {jobId} réussie',
    'hangar.cli.failed': 'Tâche {jobId} en échec',
    'hangar.cli.cancelledJob': 'Tâche {jobId} annulée',
    'hangar.cli.stoppedWaiting':
      'Attente interrompue ; la tâche {jobId} continue (voir : hangar status {jobId})',
    'hangar.cli.cancelOutcome.cancelled': 'Tâche {jobId} annulée ; elle ne sera pas exécutée',
    'hangar.cli.cancelOutcome.requested': "Annulation de la tâche {jobId} demandée ; son worker l'arrête",
    'hangar.cli.cancelOutcome.finished': 'La tâche {jobId} était déjà terminée ({state})',
    'hangar.cli.jobRetried':
      'La tâche {jobId} est de nouveau {state}, avec au plus {maxAttempts} tentatives en tout',
    'hangar.cli.jobDeleted': 'Tâche {jobId} supprimée, avec son journal',
    'hangar.cli.scheduleCreated': 'Planification {name} créée ; prochaine exécution {next}',
    'hangar.cli.scheduleReplaced': 'Planification {name} remplacée ; prochaine exécution {next}',
    'hangar.cli.schedulePaused': 'Planification {name} suspendue',
    'hangar.cli.scheduleResumed': 'Planification {name} reprise ; prochaine exécution {next}',
    'hangar.cli.scheduleDeleted': 'Planification {name} supprimée',
    'hangar.cli.noJobs': 'Aucune tâche',
    'hangar.cli.noSchedules': 'Aucune planification',
    'hangar.cli.triggerCreated': 'Déclencheur {name} créé',
    'hangar.cli.triggerReplaced': 'Déclencheur {name} remplacé',
    'hangar.cli.triggerPaused': 'Déclencheur {name} suspendu',
    'hangar.cli.triggerResumed':
      'Déclencheur {name} repris ; il se déclenche sur les tâches qui se terminent à partir de maintenant',
    'hangar.cli.triggerDeleted': 'Déclencheur {name} supprimé',
    'hangar.cli.noTriggers': 'Aucun déclencheur',
    'hangar.cli.morePages': 'Autres tâches : hangar list --cursor {cursor}',
    'hangar.cli.configNotFound':
      'Fichier de configuration {path} introuvable ; créez-le ou passez --config <fichier>',
    'hangar.cli.configInvalid': 'Configuration {path} invalide : {problem}',
    'hangar.cli.envMissing':
      "Configuration {path} : {field} renvoie à la variable d'environnement {name}, qui n'est pas définie",
    'hangar.cli.pluginFailed': 'Impossible de charger le plugin {specifier} ({origin}) : {reason}',
    'hangar.cli.pluginConflict':
      'La commande « {command} » du plugin {plugin} est masquée par une commande antérieure de même nom',
    'hangar.cli.adapterMissing':
      "L'adaptateur de file {kind} n'a pas pu être chargé ({reason}) ; installez son pilote : npm install {driver}",
    'hangar.cli.badLogLevel': "HANGAR_LOG_LEVEL vaut « {value} » ; utilisez l'un de {levels}",
    'hangar.cli.pluginServicesFailed': 'Impossible de démarrer les services du plugin {plugin} : {reason}',
    'hangar.cli.pluginNeedsSettings':
      'Le plugin {plugin} prend des réglages (comme sa base de données) que la configuration ne donne pas, ses tâches risquent donc de manquer d\'un service ; donnez-les dans une entrée de "plugins" avec "package" et "settings"',
    'hangar.cli.listening':
      'Hangar écoute sur {url} avec {count} types de tâches ; arrêt par Ctrl-C ou SIGTERM',
    'hangar.cli.listenFailed': "Impossible d'écouter sur {host}:{port} ({reason})",
    'hangar.cli.stopping': 'Arrêt : fin des tâches en cours',
    'hangar.cli.stopped': 'Arrêté',
    'hangar.cli.commandFailed': 'La commande « {command} » a échoué : {reason}',
    'hangar.cli.unexpected': 'Erreur inattendue : {reason}',
  },
} as const satisfies MessageCatalogs;
