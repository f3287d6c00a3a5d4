import type { MessageCatalogs } from '@hangar/core';
import { messagesEn } from './messages-en.js';
import { messagesFr } from './messages-fr.js';

/** Messages of every key the pack emits, in English and French. */
export const otherMessages: MessageCatalogs = { en: messagesEn, fr: messagesFr };
