import { IntentModel } from '../../src/language/intents/intentModel';
import { understand } from '../../src/language/intents/understand';
import utterances from '../../src/language/data/utterances.json';
import testSet from '../../test/language/intentTestSet.json';
import { summarize, type LatencySummary } from './stats';

/** Intent recognition alone, in this process: training once, then every utterance classified `rounds` times. Times in µs. */
export type RecognitionTiming = { utterances: number; samples: number; trainMs: number; perUtteranceUs: LatencySummary };

export async function measureRecognition(rounds: number): Promise<RecognitionTiming> {
  const texts = [
    ...Object.values(testSet as Record<string, string[]>).flat(),
    ...Object.values(utterances).flatMap((byLocale) => [...byLocale.tr, ...byLocale.en]),
    // Bad input: the cut at MAX_INTENT_INPUT keeps these bounded.
    `kartım bloke oldu ${'lorem ipsum dolor sit amet '.repeat(80)}`,
    '😀🙏🔥',
  ];
  const started = performance.now();
  const model = await IntentModel.train(utterances);
  const trainMs = performance.now() - started;
  for (const text of texts) await understand(model, text, 'tr'); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, text] of texts.entries()) {
      const locale = index % 2 === 0 ? 'tr' : 'en';
      const begin = process.hrtime.bigint();
      await understand(model, text, locale);
      samples.push(Number(process.hrtime.bigint() - begin) / 1000);
    }
  }
  return { utterances: texts.length, samples: samples.length, trainMs: Math.round(trainMs), perUtteranceUs: summarize(samples) };
}
