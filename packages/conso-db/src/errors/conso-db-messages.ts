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
  },
  fr: {
    'hangar.consoDb.error.urlUnsupported':
      'Schéma d’URL de base de données non pris en charge « {scheme}: » ; pris en charge : {supported} (ou un chemin de fichier SQLite / :memory:)',
    'hangar.consoDb.error.urlInvalid': 'URL de base de données invalide {url} : {problem}',
    'hangar.consoDb.error.driverMissing':
      'Le pilote {dialect} n’est pas installé ; exécutez : npm install {packages}',
    'hangar.consoDb.error.migrationFailed': 'La migration {migration} a échoué : {reason}',
  },
} as const satisfies MessageCatalogs;
