import type { Locale } from '../locale';
import { translate, type MessageKey } from '../messages';
import answers from '../data/answers.json';
import { INTENTS, type Intent } from './intentModel';

/** A question the knowledge base answers (data/answers.json): one of the faq… intents. */
export type Topic = Exclude<keyof typeof answers, '$comment'>;

/** The figures an answer may quote, taken from the rules by the caller so no number is typed twice. */
export type RuleFigures = Record<string, number>;

export function isTopic(intent: Intent): intent is Topic & Intent {
  return intent in answers;
}

/** Texts an answer quotes from the message catalogs, so that what the chat says elsewhere too (the renewal steps) is written once. */
const CATALOG_TEXTS: Record<string, MessageKey> = { callCenter: 'callCenter.number', renewalSteps: 'renewal.steps' };

/** The answer in a language, its {figures}, {callCenter} and other catalog texts filled in. */
export function answerOf(topic: Topic, locale: Locale, figures: RuleFigures): string {
  const template = answers[topic][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const quoted = Object.hasOwn(CATALOG_TEXTS, name) ? CATALOG_TEXTS[name] : undefined;
    if (quoted) return translate(locale, quoted);
    const figure = figures[name];
    return figure === undefined ? whole : String(figure);
  });
}

/** The intents an answer offers next, as buttons: its way on. */
export function wayOnOf(topic: Topic): Intent[] {
  return answers[topic].wayOn.filter((intent): intent is Intent => (INTENTS as string[]).includes(intent));
}
