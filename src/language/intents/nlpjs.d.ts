/** The few parts of NLP.js 4 the intent model uses; the packages ship no type declarations. */
declare module '@nlpjs/core' {
  export type Container = { use(plugin: unknown): void };
  export function containerBootstrap(): Promise<Container>;
}

declare module '@nlpjs/nlp' {
  import type { Container } from '@nlpjs/core';
  export type Classification = { intent: string; score: number };
  export class Nlp {
    constructor(settings: Record<string, unknown>);
    addLanguage(locale: string | string[]): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    nluManager: { process(locale: string, utterance: string): Promise<{ classifications?: Classification[] }> };
    settings: { container?: Container };
  }
}

declare module '@nlpjs/lang-tr' {
  export const LangTr: unknown;
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
