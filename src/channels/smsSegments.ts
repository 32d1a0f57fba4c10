/**
 * How an SMS text is billed and delivered: GSM-7 when every character is in the GSM 03.38 alphabet
 * (160 characters in one segment, 153 per segment when split), UCS-2 otherwise (70, then 67).
 * ş, ğ, ı and İ are not in GSM-7, so almost every Turkish reply goes as UCS-2.
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export type SegmentCount = { encoding: SmsEncoding; units: number; segments: number };

/** A reply is kept within three segments (201 characters in UCS-2); a longer one becomes several messages. */
export const MAX_SEGMENTS_PER_MESSAGE = 3;

const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** Characters of the extension table: an escape plus the character, two units each. */
const GSM7_EXTENDED = new Set('^{}\\[~]|€\f');

const CAPACITY: Record<SmsEncoding, { single: number; split: number }> = {
  'GSM-7': { single: 160, split: 153 },
  'UCS-2': { single: 70, split: 67 },
};

export function encodingOf(text: string): SmsEncoding {
  for (const char of text) if (!GSM7_BASIC.has(char) && !GSM7_EXTENDED.has(char)) return 'UCS-2';
  return 'GSM-7';
}

/** The encoding, the length in its units and the number of segments the text is sent in. */
export function countSegments(text: string): SegmentCount {
  const encoding = encodingOf(text);
  // A character is never cut between two segments: an escaped GSM-7 character and a UTF-16 surrogate
  // pair (an emoji) each count as one indivisible item of two units.
  const items = [...text].map((char) => (encoding === 'GSM-7' ? (GSM7_EXTENDED.has(char) ? 2 : 1) : char.length));
  const units = items.reduce((sum, size) => sum + size, 0);
  const { single, split } = CAPACITY[encoding];
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const size of items) {
    if (used + size > split) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, units, segments };
}

export function fitsInSegments(text: string, maxSegments = MAX_SEGMENTS_PER_MESSAGE): boolean {
  return countSegments(text).segments <= maxSegments;
}

/** Abbreviations whose full stop does not end a sentence ("T.C. Kimlik No", "5 dk. geçerlidir"). */
const ABBREVIATION = /(?:^|\s)(?:(?:\p{L}\.){2,}|dk\.|No\.|örn\.|vb\.|e\.g\.|i\.e\.)$/u;

/**
 * Splits a reply into messages of at most `maxSegments` segments each, at the farthest line or
 * sentence end that fits, keeping numbered choices together and with the sentence before them when
 * they fit. A single sentence too long for one message is cut after a clause (a comma, semicolon,
 * colon or dash), and only one without any between words. Nothing is lost but the whitespace where
 * it is cut.
 */
export function splitForSms(text: string, maxSegments = MAX_SEGMENTS_PER_MESSAGE): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest !== '') {
    if (fitsInSegments(rest, maxSegments)) {
      parts.push(rest);
      break;
    }
    const sentences = sentenceCuts(rest);
    const beforeChoices = farthestFittingCut(
      rest,
      sentences.filter((offset) => choiceSide(rest, offset) !== 'inside'),
      maxSegments,
    );
    const cut =
      farthestFittingCut(
        rest,
        sentences.filter((offset) => choiceSide(rest, offset) === 'none'),
        maxSegments,
      ) ??
      // Parting the question from its choices is worth it only when the choices then go as one message.
      (beforeChoices !== undefined && fitsInSegments(rest.slice(beforeChoices).trim(), maxSegments) ? beforeChoices : undefined) ??
      farthestFittingCut(rest, sentences, maxSegments) ??
      farthestFittingCut(rest, clauseCuts(rest), maxSegments) ??
      farthestFittingCut(rest, wordCuts(rest), maxSegments) ??
      hardCut(rest, maxSegments);
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  return parts;
}

/** Offsets just after a sentence end, a line end or a paragraph end. */
function sentenceCuts(text: string): number[] {
  const cuts: number[] = [];
  for (const match of text.matchAll(/\n|[.!?…](?=["'”’)]*\s)["'”’)]*/g)) {
    const end = match.index + match[0].length;
    if (match[0] !== '\n' && ABBREVIATION.test(text.slice(Math.max(0, end - 12), end))) continue;
    cuts.push(end);
  }
  return cuts;
}

/**
 * Where a cut falls relative to numbered choices ("1) Onay" lines): best not next to them, else
 * between the question and its choices, and only as a last resort between two choices.
 */
function choiceSide(text: string, offset: number): 'none' | 'before' | 'inside' {
  if (!NUMBERED_LINE.test(text.slice(offset).trimStart())) return 'none';
  const lineBefore = text.slice(0, offset).trimEnd().split('\n').pop() ?? '';
  return NUMBERED_LINE.test(lineBefore) ? 'inside' : 'before';
}

const NUMBERED_LINE = /^\d+\) /;

function clauseCuts(text: string): number[] {
  return [...text.matchAll(/[,;:](?=\s)|\s[—–](?=\s)/g)].map((match) => match.index + match[0].length);
}

function wordCuts(text: string): number[] {
  return [...text.matchAll(/\s+/g)].map((match) => match.index);
}

function farthestFittingCut(text: string, cuts: number[], maxSegments: number): number | undefined {
  let best: number | undefined;
  for (const cut of cuts) {
    if (cut === 0) continue;
    if (!fitsInSegments(text.slice(0, cut).trim(), maxSegments)) break;
    best = cut;
  }
  return best;
}

/** The longest prefix that fits, never cutting a character in two. */
function hardCut(text: string, maxSegments: number): number {
  let cut = 0;
  for (const char of text) {
    if (!fitsInSegments(text.slice(0, cut + char.length), maxSegments)) break;
    cut += char.length;
  }
  return Math.max(cut, 1);
}
