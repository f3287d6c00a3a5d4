import type { MessageParam, Translator } from '@hangar/core';
import type { EmailTemplate } from '../plugin/other-jobs-options.js';

/** A message rendered for one recipient. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Renders a template in `language`: subject and text from their keys; the HTML body from its key
 * with every parameter escaped, or the text body as escaped paragraphs when the template has none.
 */
export function renderEmail(
  translator: Translator,
  template: EmailTemplate,
  params: Readonly<Record<string, MessageParam>>,
  language: string,
): RenderedEmail {
  const subject = translator.render({ key: template.subject, params }, language).replace(/[\r\n]+/g, ' ');
  const text = translator.render({ key: template.text, params }, language);
  const escaped = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' ? escapeHtml(value) : value,
    ]),
  );
  const html =
    template.html === undefined
      ? text
          .split(/\n{2,}/)
          .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
          .join('\n')
      : translator.render({ key: template.html, params: escaped }, language);
  return { subject, text, html };
}
