import type { MessageCatalogs } from '@hangar/core';
import { messagesEn } from './messages-en.js';
import { messagesFr } from './messages-fr.js';

/** English and French messages of every key the consolidation jobs emit. */
export const consoMessages: MessageCatalogs = { en: messagesEn, fr: messagesFr };
