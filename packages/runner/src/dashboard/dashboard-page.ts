/**
 * The HTML shell of the dashboard. It holds no data: the script asks for a token and reads the
 * JSON API with it. Only the package's own script and style sheet may load, and the page may
 * only talk to this server.
 */
export const DASHBOARD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Hangar</title><link rel="stylesheet" href="app.css"></head>
<body><div id="app" aria-live="polite"></div><noscript>The dashboard needs JavaScript.</noscript>
<script src="app.js"></script></body></html>
`;

/** Content-Security-Policy of the page and its files. */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
