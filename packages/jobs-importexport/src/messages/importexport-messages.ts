import type { MessageCatalogs } from '@hangar/core';
import { messagesEn } from './messages-en.js';
import { messagesFr } from './messages-fr.js';

/** Messages of every key the import and export jobs emit, in English and French. */
export const importExportMessages: MessageCatalogs = { en: messagesEn, fr: messagesFr };
