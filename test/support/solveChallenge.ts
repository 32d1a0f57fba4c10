/**
 * Reads the text human check the way a person would: the number written in words in the bot's
 * message, turned into digits. Written independently of the product's own number words.
 */
const TR: Record<string, number> = {
  bir: 1,
  iki: 2,
  üç: 3,
  dört: 4,
  beş: 5,
  altı: 6,
  yedi: 7,
  sekiz: 8,
  dokuz: 9,
  on: 10,
  yirmi: 20,
  otuz: 30,
  kırk: 40,
  elli: 50,
  altmış: 60,
  yetmiş: 70,
  seksen: 80,
  doksan: 90,
};
const EN: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

export function wordsToDigits(words: string): string {
  let total = 0;
  let group = 0;
  for (const word of words
    .trim()
    .toLocaleLowerCase('tr')
    .split(/[\s-]+/)) {
    if (word === 'bin' || word === 'thousand') {
      total += (group || 1) * 1000;
      group = 0;
    } else if (word === 'yüz' || word === 'hundred') {
      group = (group || 1) * 100;
    } else {
      const value = TR[word] ?? EN[word];
      if (value === undefined) throw new Error(`not a number word: ${word}`);
      group += value;
    }
  }
  return String(total + group);
}

/** The answer to the challenge in a bot message such as "… rakamla yazın: üç bin dört yüz on iki". */
export function solveTextChallenge(message: string): string {
  const words = message.split(':').pop();
  if (!words) throw new Error(`no challenge in: ${message}`);
  return wordsToDigits(words);
}
