import { openForm } from './resetLinkPage';

export { openForm };

/** The reset link in a mail's text. */
export function linkIn(text: string): string {
  const match = text.match(/https?:\/\/\S+\/guvenlik-sozcugu\/[A-Za-z0-9_-]+(\?lang=en)?/);
  if (!match) throw new Error(`no reset link in: ${text}`);
  return match[0];
}

/** The token of a reset link: its last path segment. */
export function tokenOf(link: string): string {
  return new URL(link).pathname.split('/').pop()!;
}

/** Submits the page's form with the two entries; `csrf` replaces the form's own token when given. */
export async function submitForm(link: string, word: string, repeat = word, csrf?: string): Promise<Response> {
  const form = await openForm(link);
  return fetch(form.action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
    body: new URLSearchParams({ csrf: csrf ?? form.csrf, lang: 'tr', word, repeat }).toString(),
  });
}

/** Polls until `read` gives a value. */
export async function waitFor<T>(read: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 50));
  }
}
