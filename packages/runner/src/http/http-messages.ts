import type { MessageCatalogs } from '@hangar/core';

/** Messages of the keys the HTTP API emits, in English and French. */
export const httpMessages = {
  en: {
    'hangar.http.requestInvalid': 'The request is invalid: {issues}',
    'hangar.http.routeNotFound': 'No route {method} {url}; see /openapi.json for the routes',
    'hangar.http.fileNotFound': 'Job {jobId} has no output file named "{name}"',
    'hangar.http.filesNotServed': 'This server does not serve output files (no filesRoot is configured)',
    'hangar.http.customerForbidden':
      'Only an admin token may act on another customer (customerId={customerId})',
    'hangar.http.roleRequired': 'This action needs the {role} role; your token has: {roles}',
    'hangar.http.systemJobForbidden':
      'Only an admin token may enqueue a system job (one without a customer); your token has: {roles}',
    'hangar.http.internal':
      'Internal server error (request {requestId}); the server log has the details under this request id',
    'hangar.http.unavailable': 'The server is shutting down; retry shortly',
    'hangar.http.scheduleNameTaken': 'The schedule name "{name}" is already taken; choose another name',
    'hangar.http.triggerNameTaken': 'The trigger name "{name}" is already taken; choose another name',
    'hangar.http.queueNotServed':
      'No running runner serves queue "{queue}" for job type "{type}"; the job is stored and waits until one starts',
  },
  fr: {
    'hangar.http.requestInvalid': 'La requête est invalide : {issues}',
    'hangar.http.routeNotFound': 'Aucune route {method} {url} ; voir /openapi.json pour la liste des routes',
    'hangar.http.fileNotFound': "La tâche {jobId} n'a pas de fichier de sortie nommé « {name} »",
    'hangar.http.filesNotServed':
      "Ce serveur ne sert pas de fichiers de sortie (aucun filesRoot n'est configuré)",
    'hangar.http.customerForbidden':
      'Seul un jeton admin peut agir pour un autre client (customerId={customerId})',
    'hangar.http.roleRequired': 'Cette action nécessite le rôle {role} ; votre jeton a : {roles}',
    'hangar.http.systemJobForbidden':
      'Seul un jeton admin peut mettre en file une tâche système (sans client) ; votre jeton a : {roles}',
    'hangar.http.internal':
      'Erreur interne du serveur (requête {requestId}) ; le journal du serveur en donne le détail sous ce numéro de requête',
    'hangar.http.unavailable': "Le serveur est en cours d'arrêt ; réessayez dans un instant",
    'hangar.http.scheduleNameTaken':
      'Le nom de planification « {name} » est déjà pris ; choisissez-en un autre',
    'hangar.http.triggerNameTaken': 'Le nom de déclencheur « {name} » est déjà pris ; choisissez-en un autre',
    'hangar.http.queueNotServed':
      "Aucun runner actif ne sert la file « {queue} » pour le type de tâche « {type} » ; la tâche est enregistrée et attend qu'il en démarre un",
  },
} as const satisfies MessageCatalogs;
