import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/*
 * The API reference at `/docs`: one self-contained page that reads `openapi.json` next to it
 * and lists every operation with its parameters, body and responses. Nothing is loaded from
 * elsewhere, so it works offline and behind a strict proxy, and it needs no extra package.
 */

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; color: #1d232a; }
h1 { margin-bottom: 0.2rem; } .muted { color: #5b6670; }
details { border: 1px solid #d5dbe1; border-radius: 6px; margin: 0.5rem 0; padding: 0.4rem 0.8rem; }
summary { cursor: pointer; } .method { display: inline-block; min-width: 4.2rem; font-weight: 700; font-family: monospace; }
.get { color: #0b6bcb; } .post { color: #1a7f37; } .put { color: #9a6700; } .delete { color: #cf222e; }
code, pre { font-family: ui-monospace, monospace; font-size: 13px; } pre { background: #f4f6f8; padding: 0.6rem; overflow: auto; }
table { border-collapse: collapse; } td, th { text-align: left; padding: 0.15rem 0.8rem 0.15rem 0; vertical-align: top; }
`;

const SCRIPT = `
(async () => {
  const root = document.getElementById('api');
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
  const pre = (value) => el('pre', JSON.stringify(value, null, 2));
  let doc;
  try {
    const res = await fetch('openapi.json');
    if (!res.ok) throw new Error('HTTP ' + res.status);
    doc = await res.json();
  } catch (error) {
    root.append(el('p', 'Could not read openapi.json: ' + error.message));
    return;
  }
  document.title = doc.info.title;
  root.append(el('h1', doc.info.title), el('p', 'Version ' + doc.info.version + ' · ' + doc.info.description, 'muted'));
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const box = el('details');
      const summary = el('summary');
      summary.append(el('span', method.toUpperCase(), 'method ' + method), el('code', path), document.createTextNode(' — ' + (op.summary || '')));
      box.append(summary, el('p', op.description || '', 'muted'));
      if (op.parameters && op.parameters.length) {
        const table = el('table');
        const head = el('tr'); head.append(el('th', 'Parameter'), el('th', 'In'), el('th', 'Type'), el('th', 'Description')); table.append(head);
        for (const p of op.parameters) {
          const row = el('tr');
          row.append(el('td', p.name + (p.required ? ' *' : '')), el('td', p.in), el('td', (p.schema && (p.schema.type || (p.schema.enum && 'enum'))) || ''), el('td', p.description || ''));
          table.append(row);
        }
        box.append(table);
      }
      const body = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
      if (body) box.append(el('h4', 'Body'), pre(body.schema));
      box.append(el('h4', 'Responses'));
      const list = el('ul');
      for (const [status, r] of Object.entries(op.responses || {})) list.append(el('li', status + ': ' + (r.description || '')));
      box.append(list);
      root.append(box);
    }
  }
  root.append(el('h2', 'Schemas'));
  for (const [name, schema] of Object.entries((doc.components && doc.components.schemas) || {})) {
    const box = el('details');
    box.append(el('summary', name), pre(schema));
    root.append(box);
  }
})();
`;

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference</title><style>${STYLE}</style></head>
<body><main id="api"></main><script>${SCRIPT}</script></body></html>
`;

// Only this page's own script and style may run, and it may only talk to this server.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${hash(SCRIPT)}`,
  `style-src ${hash(STYLE)}`,
  "connect-src 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Registers `GET /docs`: the reference page of the API, without a token (like `/openapi.json`). */
export function registerDocsPage(app: FastifyInstance): void {
  app.get('/docs', { exposeHeadRoute: false }, async (_request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .send(PAGE),
  );
}
