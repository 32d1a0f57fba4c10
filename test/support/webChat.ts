import type { Locator, Page } from 'playwright-core';
import { translate } from '../../src/language/messages';
import { codeIn, smsOutbox } from './citizenLogin';
import { waitFor } from './resetPage';
import { solveTextChallenge } from './solveChallenge';

/**
 * Drives the web chat page as a citizen does: types in Web Chat's send box, presses the buttons
 * the bot offers, reads the bubbles. Selectors are Web Chat 4.18's own class names and roles.
 */

/** What the functions run inside the page use of it (the project is type-checked without the DOM library). */
declare const document: { documentElement: { outerHTML: string } };

const SEND_BOX = '.webchat__send-box-text-box__input';
const BUBBLE = '.webchat__bubble__content';
/** Generous: a turn may hash a security word (argon2) on a busy machine. */
const WAIT_MS = 30_000;

/**
 * A sentence of the catalog as Web Chat shows it: its Markdown renderer turns straight quotes into
 * typographic ones.
 */
export function shown(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/"/g, '["“”]').replace(/'/g, "['‘’]"));
}

/** The bot's (or the citizen's) bubbles that contain `text`. */
export function bubbles(page: Page, text: string | RegExp): Locator {
  return page.locator(BUBBLE).filter({ hasText: typeof text === 'string' ? shown(text) : text });
}

/** Waits until a bubble with `text` is shown; returns the last one. */
export async function waitForBubble(page: Page, text: string | RegExp): Promise<Locator> {
  const bubble = bubbles(page, text).last();
  await bubble.waitFor({ state: 'visible', timeout: WAIT_MS });
  return bubble;
}

/** Opens the page and waits for the bot's greeting. */
export async function openChat(page: Page, url: string, greeting: string | RegExp): Promise<void> {
  await page.goto(url);
  await waitForBubble(page, greeting);
}

/** Types a message in the send box and sends it with Enter. */
export async function send(page: Page, text: string): Promise<void> {
  const input = page.locator(SEND_BOX);
  await input.fill(text);
  await input.press('Enter');
}

/** One of the buttons the bot offers under its last message (Web Chat's suggested actions toolbar). */
export function suggestedAction(page: Page, label: string | RegExp): Locator {
  return page.getByRole('toolbar').getByRole('button', { name: label });
}

/** Presses one of the buttons the bot offers under its last message. */
export async function choose(page: Page, label: string | RegExp): Promise<void> {
  const button = suggestedAction(page, label);
  await button.waitFor({ state: 'visible', timeout: WAIT_MS });
  await button.click();
}

/**
 * The human check as a citizen who cannot read the picture answers it: the picture is shown (with
 * its alt text), the accessible-question button turns it into a number in words, the answer is
 * typed in digits. Once asked for, words stay: a later check in the conversation comes as words.
 */
export async function passHumanCheck(
  page: Page,
  strings: { pictureAlt: string; accessibleButton: string | RegExp; wordsPrompt: string | RegExp },
  /** How many pictures and worded questions the page showed before this check (an earlier journey's). */
  earlier?: { pictures: number; questions: number },
): Promise<void> {
  const pictures = page.locator(`${BUBBLE} img[alt="${strings.pictureAlt}"]`);
  const questions = bubbles(page, strings.wordsPrompt);
  // A conversation that asked for words once gets every later check in words, with no picture.
  if (earlier && earlier.questions > 0) {
    const question = questions.nth(earlier.questions);
    await question.waitFor({ state: 'visible', timeout: WAIT_MS });
    if ((await pictures.count()) > earlier.pictures) throw new Error('a picture was shown again after the citizen had asked for words');
    await send(page, solveTextChallenge(await question.innerText()));
    return;
  }
  // The page may still show an earlier check: wait for this one's picture and question, not the old ones.
  await pictures.nth(earlier?.pictures ?? 0).waitFor({ state: 'visible', timeout: WAIT_MS });
  const asked = earlier?.questions ?? (await questions.count());
  await choose(page, strings.accessibleButton);
  const question = questions.nth(asked);
  await question.waitFor({ state: 'visible', timeout: WAIT_MS });
  await send(page, solveTextChallenge(await question.innerText()));
}

/** What the page shows of earlier human checks, to tell a new one from them. */
export async function humanChecksShown(
  page: Page,
  pictureAlt: string,
  wordsPrompt: string | RegExp,
): Promise<{ pictures: number; questions: number }> {
  return {
    pictures: await page.locator(`${BUBBLE} img[alt="${pictureAlt}"]`).count(),
    questions: await bubbles(page, wordsPrompt).count(),
  };
}

/** Types the security word in the masked field of the bot's last Adaptive Card and submits it. */
export async function submitMaskedWord(page: Page, word: string, submitLabel: string): Promise<Locator> {
  const card = page.locator('.ac-adaptiveCard').last();
  const field = card.locator('input[type="password"]');
  await field.waitFor({ state: 'visible', timeout: WAIT_MS });
  await field.fill(word);
  await card.getByRole('button', { name: submitLabel }).click();
  return field;
}

/** Waits until nothing in the page's DOM contains `text` any more. */
export async function waitUntilGone(page: Page, text: string): Promise<void> {
  await page.waitForFunction((gone) => !document.documentElement.outerHTML.includes(gone), text, { timeout: WAIT_MS });
}

/** A citizen who logs in on the page. */
export type PageCitizen = { id: string; word: string; phone: string };

/**
 * Şifreli Giriş on the page up to the İşlemler Menüsü: Kimlik No, the human check, the security
 * word in the card's masked field, Onay, and the SMS code read from the SMS outbox. `step` is told
 * each step's name (for screenshots) once the page shows it.
 */
export async function logInToMenu(
  page: Page,
  dataDir: string,
  citizen: PageCitizen,
  step: (name: 'masked-word' | 'sms-code' | 'menu') => Promise<unknown> = async () => undefined,
  /** Another way in than the Şifreli Giriş button: a wish in the citizen's words, and what it leads to after the code. */
  via: { say: string; arrival: string | RegExp } = { say: translate('tr', 'start.choice.login'), arrival: /İşlemler Menüsü.nden/ },
): Promise<void> {
  const tr = (key: Parameters<typeof translate>[1]) => translate('tr', key);
  const earlier = await humanChecksShown(page, tr('humanCheck.image.alt'), 'rakamla yazın:');
  await send(page, via.say);
  await waitForBubble(page, tr('identification.prompt'));
  await send(page, citizen.id);
  await passHumanCheck(
    page,
    { pictureAlt: tr('humanCheck.image.alt'), accessibleButton: tr('humanCheck.image.accessibleChoice'), wordsPrompt: 'rakamla yazın:' },
    earlier,
  );
  const card = page.locator('.ac-adaptiveCard').last();
  await card.locator('input[type="password"]').fill(citizen.word);
  await step('masked-word');
  const field = await submitMaskedWord(page, citizen.word, tr('login.wordCardSubmit'));

  await waitForBubble(page, 'SMS Onay. Telefon Numaranız');
  // The word typed in the card is not left behind in the page.
  if ((await field.inputValue()) !== '') throw new Error('the masked field still holds the security word');
  const before = smsOutbox(dataDir).length;
  await choose(page, new RegExp(`^\\d+\\. ${tr('sms.choice.confirm')}$`));
  await waitForBubble(page, 'Kalan süre');
  const sms = await waitFor(() =>
    smsOutbox(dataDir)
      .slice(before)
      .find((line) => line.to === citizen.phone),
  );
  await step('sms-code');
  await send(page, codeIn(sms.body));
  await waitForBubble(page, via.arrival);
  await step('menu');
}
