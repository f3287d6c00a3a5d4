import type { MessageCatalog } from '@hangar/core';
import type { messagesEn } from './messages-en.js';

/** French messages; typed against the English catalog so a missing key does not compile. */
export const messagesFr: Readonly<Record<keyof typeof messagesEn, string>> = {
  'importexport.job.importData': 'Importer des données remontées (liasses) depuis un fichier CSV ou XLSX',
  'importexport.job.exportData': 'Exporter des données remontées (liasses) vers un fichier CSV ou XLSX',
  'importexport.progress.rows':
    '{file} : {read} lignes lues, {written} lignes préparées ({percent} % du fichier)',
  'importexport.progress.imported':
    '{file} : {read} lignes lues, {written} lignes écrites, {deleted} lignes remplacées',
  'importexport.progress.exported': '{file} : {rows} lignes écrites',
  'importexport.progress.exportDone': '{file} écrit : {rows} lignes, {size} octets',
  'importexport.error.validation':
    "L'import de {file} a échoué : {count} lignes invalides ; rien n'a été écrit",
  'importexport.error.validationTruncated':
    "L'import de {file} s'est arrêté après {count} erreurs (la limite) ; rien n'a été écrit",
  'importexport.error.file.missingColumns': "Impossible d'importer {file} : {detail}",
  'importexport.error.file.unreadable': 'Impossible de lire {file} : {detail}',
  'importexport.error.file.unsupportedFormat': "Impossible d'importer {file} : {detail}",
  'importexport.error.file.missingSheet': "Impossible d'importer {file} : {detail}",
  'importexport.error.file.invalidJson': "Impossible d'importer {file} : {detail}",
  'importexport.error.fileLocation.outsideStore':
    'Paramètre {param} : « {location} » est hors du dépôt de fichiers',
  'importexport.error.fileLocation.outsideArea':
    'Paramètre {param} : « {location} » est hors de {area}, les seuls fichiers que ce travail peut lire',
  'importexport.error.fileLocation.notPlainId':
    'Impossible de ranger des fichiers pour {param} « {location} » : un nom de dossier ne contient que lettres, chiffres, « . », « _ » et « - »',
  'importexport.error.fileLocation.notPlainName':
    'Paramètre {param} : « {location} » n’est pas un simple nom de fichier',
  'importexport.error.storedFile.missing': 'Aucun fichier à {location}',
  'importexport.error.storedFile.notAFile': '{location} n’est pas un fichier',
  'importexport.error.storedFile.unreadable': 'Impossible de lire {location} ({reason})',
  'importexport.error.storedFile.unwritable': "Impossible d'écrire {location} ({reason})",
  'importexport.error.profile': 'Le profil de correspondance « {profile} » est invalide : {problem}',
  'importexport.row.required': '{file} ligne {row}, colonne {column} : une valeur est obligatoire',
  'importexport.row.unknownCode': '{file} ligne {row}, colonne {column} : {kind} « {value} » inconnu(e)',
  'importexport.row.notNumeric': "{file} ligne {row}, colonne {column} : « {value} » n'est pas un nombre",
  'importexport.row.outOfRange': '{file} ligne {row}, colonne {column} : {value} est hors de [{min}, {max}]',
  'importexport.row.invalidValue':
    "{file} ligne {row}, colonne {column} : « {value} » n'est pas admis (attendu : {allowed})",
  'importexport.row.invalidDate':
    "{file} ligne {row}, colonne {column} : « {value} » n'est pas une date au format {format}",
  'importexport.row.duplicateKey':
    '{file} ligne {row}, colonne {column} : reprend la clé de la ligne {firstRow}',
  'importexport.row.unbalanced':
    "{file} ligne {row}, colonne {column} : {kind} {group} n'est pas équilibré(e) (total {total})",
  'importexport.row.summaryAccount':
    '{file} ligne {row}, colonne {column} : le compte {value} est un compte de regroupement',
  'importexport.row.outOfScope':
    '{file} ligne {row}, colonne {column} : {value} ne fait pas partie des sociétés importées',
  'importexport.row.inconsistent':
    '{file} ligne {row}, colonne {column} : « {value} » diffère de la première ligne de {group}',
  'importexport.row.cycle':
    '{file} ligne {row}, colonne {column} : le parent {value} fait boucler la hiérarchie',
  'importexport.row.fieldCount':
    "{file} ligne {row} : {actual} champs alors que l'en-tête en a {expected} (à partir de la colonne {column}) ; la ligne n'a pas été lue",
  'importexport.row.errorCell':
    "{file} ligne {row}, colonne {column} : la cellule contient l'erreur {value}, pas une valeur",
  'importexport.row.repeatedColumn':
    "{file} ligne {row}, colonne {column} : l'en-tête nomme cette colonne plusieurs fois et la ligne lui donne des valeurs différentes (« {value} » d'abord)",
  'importexport.row.unnamedColumn':
    "{file} ligne {row}, colonne {column} : « {value} » est dans une colonne que l'en-tête ne nomme pas",
  'importexport.job.importAdjustments':
    "Importer les écritures d'ajustement d'une conso (chaque écriture doit être équilibrée)",
  'importexport.job.exportAdjustments': "Exporter les écritures d'ajustement d'une conso",
  'importexport.job.importExRate':
    'Importer des cours de change (clôture et moyen par période et catégorie) ou des cours historiques',
  'importexport.job.exportExRate': "Exporter les cours de change ou les cours historiques d'une conso",
  'importexport.job.importStructure':
    'Importer le classeur de structure : sociétés, comptes, flux, périodes, catégories, participations, règles interco',
  'importexport.job.exportStructure': 'Exporter le classeur de structure',
  'importexport.job.importTranslation': "Importer les traductions de l'interface et des messages",
  'importexport.job.exportTranslation': "Exporter les traductions de l'interface et des messages",
  'importexport.job.importBundle':
    "Importer le classeur de liasse d'une société (liasse, ajustements, cours historiques)",
  'importexport.job.importGroupFile': 'Importer un groupe entier depuis un fichier de groupe JSON',
  'importexport.job.genericImport': 'Importer un fichier via un profil de correspondance enregistré',
  'importexport.job.genericExport': 'Exporter une table via un profil de correspondance enregistré',
  'importexport.job.exportCube': 'Exporter une conso en schéma en étoile (Parquet ou CSV)',
  'importexport.job.exportReportingSolutions': "Exporter le dossier de reporting XLSX d'une conso",
  'importexport.progress.groupFile': '{file} : groupe importé dans la conso {conso}, {rows} lignes écrites',
  'importexport.progress.cubeDone': 'Cube de la conso {conso} écrit : {rows} faits dans {files} fichiers',
  'importexport.warning.ignoredKeys': '{file} : clés ignorées {keys}',
} satisfies MessageCatalog;
