import type { Locale } from '../locale';
import { translate } from '../messages';
import answers from '../data/answers.json';
import { INTENTS, type Intent } from './intentModel';

/** A question the knowledge base answers (data/answers.json): one of the faq… intents. */
export type Topic = Exclude<keyof typeof answers, '$comment'>;

/** The figures an answer may quote, taken from the rules by the caller so no number is typed twice. */
export type RuleFigures = Record<string, number>;

export function isTopic(intent: Intent): intent is Topic & Intent {
  return intent in answers;
}

/** The answer in a language, its {figures} and {callCenter} filled in. */
export function answerOf(topic: Topic, locale: Locale, figures: RuleFigures): string {
  const template = answers[topic][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'callCenter') return translate(locale, 'callCenter.number');
    const figure = figures[name];
    return figure === undefined ? whole : String(figure);
  });
}

/** The intents an answer offers next, as buttons: its way on. */
export function wayOnOf(topic: Topic): Intent[] {
  return answers[topic].wayOn.filter((intent): intent is Intent => (INTENTS as string[]).includes(intent));
}
