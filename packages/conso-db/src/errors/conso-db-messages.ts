import type { MessageCatalogs } from '@hangar/core';

/** Messages of the error keys this package emits, in English and French, for `Translator.register`. */
export const consoDbMessages = {
  en: {
    'hangar.consoDb.error.urlUnsupported':
      'Unsupported database URL scheme "{scheme}:"; supported: {supported} (or a bare SQLite file path / :memory:)',
    'hangar.consoDb.error.urlInvalid': 'Invalid database URL {url}: {problem}',
    'hangar.consoDb.error.driverMissing':
      'The {dialect} driver is not installed; run: npm install {packages}',
    'hangar.consoDb.error.migrationFailed': 'Migration {migration} failed: {reason}',
    'hangar.consoDb.error.tenantUnknown':
      'The tenant "{tenant}" of this job is not a customer code of the consolidation database',
    'hangar.consoDb.error.scopeNotFound': 'Parameter "{param}": this customer has no {kind} "{value}"',
    'hangar.consoDb.error.customerRequired': 'A job without a customer must name one in parameter "{param}"',
    'hangar.consoDb.error.sharedWrite':
      'Table {table} is shared by all customers; a job of customer {tenant} may not change it',
    'hangar.consoDb.error.consoBeingDeleted':
      "Conso '{conso}' is being deleted (since {since}); run its deletion again to finish it",
    'hangar.consoDb.error.customerBeingDeleted':
      "Customer '{customer}' is being deleted (since {since}); run its deletion again to finish it",
    'hangar.consoDb.error.periodClosed':
      'Period {period} is closed (by {closedBy} at {closedAt}); imports and consolidations into it are refused until it is reopened',
    'hangar.consoDb.error.validationRule': 'Validation rule "{rule}" is invalid: {problem}',
    'hangar.consoDb.error.copyUnavailable':
      'PostgreSQL COPY could not start on this connection (it needs the pg driver)',
  },
  fr: {
    'hangar.consoDb.error.urlUnsupported':
      'Schéma d’URL de base de données non pris en charge « {scheme}: » ; pris en charge : {supported} (ou un chemin de fichier SQLite / :memory:)',
    'hangar.consoDb.error.urlInvalid': 'URL de base de données invalide {url} : {problem}',
    'hangar.consoDb.error.driverMissing':
      'Le pilote {dialect} n’est pas installé ; exécutez : npm install {packages}',
    'hangar.consoDb.error.migrationFailed': 'La migration {migration} a échoué : {reason}',
    'hangar.consoDb.error.tenantUnknown':
      'Le client « {tenant} » de cette tâche n’est pas un code client de la base de consolidation',
    'hangar.consoDb.error.scopeNotFound': 'Paramètre « {param} » : ce client n’a pas de {kind} « {value} »',
    'hangar.consoDb.error.customerRequired':
      'Une tâche sans client doit en désigner un dans le paramètre « {param} »',
    'hangar.consoDb.error.sharedWrite':
      'La table {table} est partagée par tous les clients ; une tâche du client {tenant} ne peut pas la modifier',
    'hangar.consoDb.error.consoBeingDeleted':
      'La conso « {conso} » est en cours de suppression (depuis {since}) ; relancez sa suppression pour la terminer',
    'hangar.consoDb.error.customerBeingDeleted':
      'Le client « {customer} » est en cours de suppression (depuis {since}) ; relancez sa suppression pour la terminer',
    'hangar.consoDb.error.periodClosed':
      'La période {period} est clôturée (par {closedBy} le {closedAt}) ; imports et consolidations y sont refusés jusqu’à sa réouverture',
    'hangar.consoDb.error.validationRule': 'La règle de contrôle « {rule} » est invalide : {problem}',
    'hangar.consoDb.error.copyUnavailable':
      'Le COPY PostgreSQL n’a pas pu démarrer sur cette connexion (il exige le pilote pg)',
  },
} as const satisfies MessageCatalogs;
