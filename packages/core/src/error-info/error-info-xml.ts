import type { MessageParam } from '../i18n/translatable-string.js';
import type { ErrorInfo, ErrorInfoEntry, Severity } from './error-info.js';

/**
 * Parses the XML error document that stored procedures return through an `@errorinfo` output
 * parameter. The shape:
 *
 * ```xml
 * <errorinfo>
 *   <error code="IC_MISMATCH" key="conso.error.icMismatch" severity="error" source="P_ELIM">
 *     <param name="company">C1</param>
 *     <param name="amount" type="number">12.5</param>
 *   </error>
 * </errorinfo>
 * ```
 *
 * `severity` is `error` (default), `warning` or `info`; `key` defaults to `sql.<code>`; a `param`
 * with `type="number"` or `type="boolean"` is converted. Empty input gives an empty list.
 */
export function parseErrorInfoXml(xml: string | null | undefined): ErrorInfo {
  if (xml === null || xml === undefined || xml.trim() === '') return [];
  const root = parseXml(xml);
  if (root.name !== 'errorinfo') {
    throw new SyntaxError(`ErrorInfo XML must have an <errorinfo> root element, found <${root.name}>`);
  }
  return root.children.filter((c) => c.name === 'error').map(toEntry);
}

/** Serialises an ErrorInfo to the XML shape read by `parseErrorInfoXml`. */
export function errorInfoToXml(info: ErrorInfo): string {
  const errors = info.map((e) => {
    const attrs = [`code="${esc(e.code)}"`, `key="${esc(e.key)}"`, `severity="${e.severity}"`];
    if (e.source !== undefined) attrs.push(`source="${esc(e.source)}"`);
    const params = Object.entries(e.params).map(([name, value]) => {
      const type =
        typeof value === 'number' ? ' type="number"' : typeof value === 'boolean' ? ' type="boolean"' : '';
      return `<param name="${esc(name)}"${type}>${esc(value === null ? '' : String(value))}</param>`;
    });
    return `<error ${attrs.join(' ')}>${params.join('')}</error>`;
  });
  return `<errorinfo>${errors.join('')}</errorinfo>`;
}

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function toEntry(el: XmlElement): ErrorInfoEntry {
  const code = el.attrs.code;
  if (!code) throw new SyntaxError('ErrorInfo XML: every <error> needs a code attribute');
  const severity = (el.attrs.severity ?? 'error').toLowerCase() as Severity;
  if (!SEVERITIES.includes(severity)) {
    throw new SyntaxError(
      `ErrorInfo XML: severity "${el.attrs.severity}" must be one of ${SEVERITIES.join(', ')}`,
    );
  }
  const params: Record<string, MessageParam> = {};
  for (const p of el.children) {
    if (p.name !== 'param') continue;
    const name = p.attrs.name;
    if (!name) throw new SyntaxError('ErrorInfo XML: every <param> needs a name attribute');
    params[name] = convert(p.text, p.attrs.type);
  }
  const entry: ErrorInfoEntry = { code, key: el.attrs.key ?? `sql.${code}`, params, severity };
  if (el.attrs.source !== undefined) entry.source = el.attrs.source;
  if (Object.keys(params).length === 0 && el.text.trim() !== '') params.message = el.text.trim();
  return entry;
}

function convert(text: string, type: string | undefined): MessageParam {
  if (type === 'number') {
    const n = Number(text);
    if (Number.isNaN(n)) throw new SyntaxError(`ErrorInfo XML: param value "${text}" is not a number`);
    return n;
  }
  if (type === 'boolean') return text === 'true' || text === '1';
  return text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ent: string) => {
    if (ent.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ent.slice(2), 16));
    if (ent.startsWith('#')) return String.fromCodePoint(Number.parseInt(ent.slice(1), 10));
    return ENTITIES[ent] ?? whole;
  });
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A small, strict parser for the element/attribute/text subset the ErrorInfo shape uses. */
function parseXml(input: string): XmlElement {
  const src = input.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  for (let m = tag.exec(src); m !== null; m = tag.exec(src)) {
    const [, closing, name, rawAttrs, selfClosing, text, stray] = m;
    if (stray !== undefined) throw new SyntaxError(`ErrorInfo XML: malformed tag at offset ${m.index}`);
    if (text !== undefined) {
      const top = stack[stack.length - 1];
      if (top) top.text += decode(text);
      else if (text.trim() !== '') throw new SyntaxError('ErrorInfo XML: text outside the root element');
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new SyntaxError(`ErrorInfo XML: unexpected </${name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (rawAttrs ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs[a[1] as string] = decode(a[2] ?? a[3] ?? '');
    }
    const el: XmlElement = { name: name as string, attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (root) throw new SyntaxError('ErrorInfo XML: more than one root element');
    else root = el;
    if (!selfClosing) stack.push(el);
  }
  if (stack.length > 0)
    throw new SyntaxError(`ErrorInfo XML: <${stack[stack.length - 1]?.name}> is not closed`);
  if (!root) throw new SyntaxError('ErrorInfo XML: no root element');
  return root;
}
