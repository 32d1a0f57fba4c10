import utterances from '../../src/language/data/utterances.json';
import { INTENTS, IntentModel, type Intent } from '../../src/language/intents/intentModel';
import { decide, understand } from '../../src/language/intents/understand';
import { normalize } from '../../src/language/normalize';
import testSet from './intentTestSet.json';

/**
 * The held-out evaluation (SPEC §1.1a): utterances the model never trains on, Turkish and English,
 * with and without Turkish letters, with typos. A "hit" is what the dialog would act on: the right
 * intent, or an "unsure" question whose first button is the right one.
 */
const OVERALL_MIN = 0.9;
const PER_INTENT_MIN = 0.8;

const cases = Object.entries(testSet as Record<Intent, string[]>).flatMap(([intent, texts]) =>
  texts.map((text) => ({ intent: intent as Intent, text })),
);

test('the test set has at least 150 utterances, covers every intent and shares none with the training data', () => {
  expect(cases.length).toBeGreaterThanOrEqual(150);
  expect(Object.keys(testSet).sort()).toEqual([...INTENTS].sort());
  const trained = new Set(
    Object.values(utterances)
      .flatMap((byLocale) => [...byLocale.tr, ...byLocale.en])
      .map(normalize),
  );
  expect(cases.filter((one) => trained.has(normalize(one.text)))).toEqual([]);
});

test(`the model reaches ${OVERALL_MIN * 100} % overall and ${PER_INTENT_MIN * 100} % for every intent on the held-out set`, async () => {
  const model = await IntentModel.shared();
  const confusions = new Map<string, number>();
  const perIntent = new Map<Intent, { hits: number; total: number }>();
  for (const { intent, text } of cases) {
    const understood = await understand(model, text, /[çğıöşü]/i.test(text) ? 'tr' : 'en');
    const got = understood.kind === 'intent' ? understood.intent : understood.kind === 'unsure' ? understood.guesses[0] : understood.kind;
    const tally = perIntent.get(intent) ?? { hits: 0, total: 0 };
    tally.total += 1;
    if (got === intent) tally.hits += 1;
    else confusions.set(`${intent} → ${got}: "${text}"`, 1);
    perIntent.set(intent, tally);
  }
  const hits = [...perIntent.values()].reduce((sum, tally) => sum + tally.hits, 0);
  const overall = hits / cases.length;
  const report = [
    `Intent evaluation: ${hits}/${cases.length} = ${(overall * 100).toFixed(1)} % overall`,
    ...[...perIntent].map(([intent, { hits: h, total }]) => `  ${intent.padEnd(18)} ${h}/${total}  ${((h / total) * 100).toFixed(0)} %`),
    `Confusions (${confusions.size}):`,
    ...[...confusions.keys()].map((line) => `  ${line}`),
  ].join('\n');
  console.log(report);
  expect(overall).toBeGreaterThanOrEqual(OVERALL_MIN);
  for (const [intent, { hits: h, total }] of perIntent)
    expect({ intent, rate: h / total >= PER_INTENT_MIN }).toEqual({ intent, rate: true });
});

test('nothing fits: an empty guess list is a miss', () => {
  expect(decide([])).toEqual({ kind: 'miss' });
});
