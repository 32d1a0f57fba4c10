import { containerBootstrap } from '@nlpjs/core';
import { Nlp } from '@nlpjs/nlp';
import { LangTr } from '@nlpjs/lang-tr';
import { LangEn } from '@nlpjs/lang-en-min';
import type { Locale } from '../locale';
import { normalize } from '../normalize';
import utterances from '../data/utterances.json';

/** Every intent the assistant knows: the keys of data/utterances.json. */
export type Intent = keyof typeof utterances;
export const INTENTS = Object.keys(utterances) as Intent[];

/** Training utterances per intent and language, as data/utterances.json holds them. */
export type Corpus = Record<string, Record<Locale, readonly string[]>>;

export type Guess = { intent: Intent; score: number };

const LOCALES: readonly Locale[] = ['tr', 'en'];

/**
 * The intent classifier: NLP.js (a small neural network over stemmed words, Turkish stemming from
 * @nlpjs/lang-tr), one model per language, trained in process from the data files. Nothing leaves
 * the process, nothing is written to disk (autoSave off) or to the console (log off).
 */
export class IntentModel {
  private static trained?: Promise<IntentModel>;

  private constructor(
    private readonly nlp: Nlp,
    /** Per language, the training words and their first four letters: which language a message is in. */
    private readonly vocabulary: Record<Locale, ReadonlySet<string>>,
  ) {}

  /** The model trained on data/utterances.json, once per process (about 0.1–0.3 s on this machine). */
  static shared(): Promise<IntentModel> {
    IntentModel.trained ??= IntentModel.train(utterances);
    return IntentModel.trained;
  }

  static async train(corpus: Corpus): Promise<IntentModel> {
    const container = await containerBootstrap();
    container.use(LangTr);
    container.use(LangEn);
    const nlp = new Nlp({ container, autoSave: false, autoLoad: false, nlu: { log: false }, calculateSentiment: false, forceNER: false });
    nlp.addLanguage([...LOCALES]);
    for (const [intent, byLocale] of Object.entries(corpus)) {
      for (const locale of LOCALES) for (const utterance of byLocale[locale] ?? []) nlp.addDocument(locale, normalize(utterance), intent);
    }
    await nlp.train();
    const vocabulary = Object.fromEntries(
      LOCALES.map((locale) => [
        locale,
        new Set(
          Object.values(corpus).flatMap((byLocale) =>
            (byLocale[locale] ?? []).flatMap((utterance) => normalize(utterance).split(' ').flatMap(wordKeys)),
          ),
        ),
      ]),
    ) as unknown as Record<Locale, ReadonlySet<string>>;
    return new IntentModel(nlp, vocabulary);
  }

  /**
   * The best guesses, best first, from the model of the language the message is written in.
   * Citizens mix languages whatever the conversation's locale, and a model scores words it never saw
   * at random, so the language whose training words cover more of the message is asked; the
   * conversation's language wins a tie. `text` is normalized (normalize()).
   */
  async classify(text: string, locale: Locale): Promise<Guess[]> {
    const language = this.languageOf(text, locale);
    const { classifications = [] } = await this.nlp.nluManager.process(language, text);
    return classifications
      .filter((guess): guess is Guess => guess.intent !== 'None' && guess.intent in utterances)
      .map(({ intent, score }) => ({ intent, score }));
  }

  /** The share of the message's words no training utterance of its language holds (0 to 1). */
  unknownShare(text: string, locale: Locale): number {
    const vocabulary = this.vocabulary[this.languageOf(text, locale)];
    const words = text.split(' ').filter((word) => word !== '');
    if (words.length === 0) return 1;
    return words.filter((word) => !wordKeys(word).some((key) => vocabulary.has(key))).length / words.length;
  }

  private languageOf(text: string, locale: Locale): Locale {
    const words = text.split(' ');
    const covered = (language: Locale) => words.filter((word) => wordKeys(word).some((key) => this.vocabulary[language].has(key))).length;
    const other: Locale = locale === 'tr' ? 'en' : 'tr';
    return covered(other) > covered(locale) ? other : locale;
  }
}

/** A word and, for a long one, its first four letters: Turkish suffixes change the rest ("sertifikamı", "sertifikalarım"). */
function wordKeys(word: string): string[] {
  return word.length > 4 ? [word, `${word.slice(0, 4)}…`] : [word];
}
