import type { Response } from 'restify';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
  :root { color-scheme: light; --ink: #1b2733; --muted: #4a5a6a; --brand: #a3131b; --line: #d5dde5; --ok: #17603a; --bad: #9b1c1c; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #f4f6f8; }
  header { background: #fff; border-bottom: 4px solid var(--brand); padding: 12px 20px; }
  header strong { color: var(--brand); font-size: 1.1rem; }
  header span { display: block; color: var(--muted); font-size: .9rem; }
  main { max-width: 560px; margin: 24px auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; }
  h1 { font-size: 1.3rem; margin: 0 0 12px; }
  label { display: block; font-weight: 600; margin-top: 16px; }
  input[type=password] { width: 100%; padding: 10px; font-size: 1rem; border: 1px solid #8a99a8; border-radius: 4px; margin-top: 4px; }
  input[type=password]:focus, button:focus, a:focus { outline: 3px solid #1f6feb; outline-offset: 2px; }
  button { margin-top: 20px; background: var(--brand); color: #fff; border: 0; border-radius: 4px; padding: 10px 22px; font-size: 1rem; cursor: pointer; }
  .hint { color: var(--muted); font-size: .9rem; }
  .ok { color: var(--ok); font-weight: 600; }
  .bad { color: var(--bad); }
  footer { text-align: center; color: var(--muted); font-size: .9rem; margin: 16px; }
  nav { text-align: right; max-width: 560px; margin: 8px auto 0; font-size: .9rem; }
`;

/** The frame shared by the assistant's own pages. */
export function page(options: { lang: string; title: string; header: string; footer: string; body: string; nav?: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><strong>Kamu SM</strong><span>${escapeHtml(options.header)}</span></header>
${options.nav ? `<nav>${options.nav}</nav>` : ''}
<main>
<h1>${escapeHtml(options.title)}</h1>
${options.body}
</main>
<footer>${escapeHtml(options.footer)}</footer>
</body>
</html>`;
}

/** Pages that may carry a link token: never cached, never sent on as a referrer, never framed. */
export function sendPage(res: Response, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ...headers,
  });
  res.end(html);
}
