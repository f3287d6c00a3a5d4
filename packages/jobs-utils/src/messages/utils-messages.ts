import type { MessageCatalogs } from '@hangar/core';
import { messagesEn } from './messages-en.js';
import { messagesFr } from './messages-fr.js';

/** Messages of every key the utility jobs emit, in English and French. */
export const utilsMessages: MessageCatalogs = { en: messagesEn, fr: messagesFr };
