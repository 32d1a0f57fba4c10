import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { CAPTCHA_GLYPHS } from '../../src/lib/captchaGlyphs';
import { CAPTCHA_ALPHABET, CAPTCHA_HEIGHT, CAPTCHA_WIDTH, captchaText, renderCaptchaPng } from '../../src/lib/captchaImage';
import { crc32, encodeGrayscalePng } from '../../src/lib/png';
import type { RandomSource } from '../../src/lib/random';

/** A predictable RandomSource (mulberry32), so renders can be compared byte for byte. */
function seededRandom(seed: number): RandomSource & { calls: number } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const source = {
    calls: 0,
    int(maxExclusive: number): number {
      source.calls += 1;
      return Math.floor(next() * maxExclusive);
    },
    bytes(length: number): Buffer {
      const out = Buffer.alloc(length);
      for (let i = 0; i < length; i += 1) out[i] = Math.floor(next() * 256);
      return out;
    },
  };
  return source;
}

interface Chunk {
  type: string;
  data: Buffer;
  crc: number;
  computedCrc: number;
}

interface DecodedPng {
  chunks: Chunk[];
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  channels: number;
  raw: Buffer;
  /** Unfiltered samples, row-major, `channels` bytes per pixel. */
  pixels: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A deliberately independent reference CRC-32 (bitwise, no table). */
function referenceCrc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) {
    crc ^= data[i]!;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function decodePng(png: Buffer): DecodedPng {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const chunks: Chunk[] = [];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    chunks.push({ type, data, crc, computedCrc: referenceCrc32(png.subarray(offset + 4, offset + 8 + length)) });
    offset += 12 + length;
  }
  expect(offset).toBe(png.length);
  const header = chunks[0]!;
  expect(header.type).toBe('IHDR');
  const width = header.data.readUInt32BE(0);
  const height = header.data.readUInt32BE(4);
  const bitDepth = header.data[8]!;
  const colourType = header.data[9]!;
  const channels = colourType === 0 ? 1 : colourType === 2 ? 3 : NaN;
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));

  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height && raw.length === height * (1 + stride); y += 1) {
    const filter = raw[y * (1 + stride)]!;
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (1 + stride) + 1 + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`bad filter type ${filter} in row ${y}`);
      }
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { chunks, width, height, bitDepth, colourType, channels, raw, pixels };
}

function darkPixels(decoded: DecodedPng, threshold = 128): number {
  let count = 0;
  for (let i = 0; i < decoded.pixels.length; i += 1) if (decoded.pixels[i]! < threshold) count += 1;
  return count;
}

describe('captchaText', () => {
  it('uses only alphabet characters and the requested length', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 200; i += 1) {
      const text = captchaText(random);
      expect(text).toHaveLength(5);
      for (const char of text) expect(CAPTCHA_ALPHABET).toContain(char);
    }
    expect(captchaText(random, 6)).toHaveLength(6);
  });

  it('draws every character with random.int over the whole alphabet', () => {
    const seen = new Set<string>();
    const random = seededRandom(2);
    for (let i = 0; i < 300; i += 1) for (const char of captchaText(random)) seen.add(char);
    expect(Array.from(seen).sort().join('')).toBe(CAPTCHA_ALPHABET.split('').sort().join(''));

    const calls: number[] = [];
    const spy: RandomSource = {
      bytes: () => Buffer.alloc(0),
      int: (max) => {
        calls.push(max);
        return calls.length - 1;
      },
    };
    expect(captchaText(spy, 4)).toBe(CAPTCHA_ALPHABET.slice(0, 4));
    expect(calls).toEqual([CAPTCHA_ALPHABET.length, CAPTCHA_ALPHABET.length, CAPTCHA_ALPHABET.length, CAPTCHA_ALPHABET.length]);
  });

  it('rejects unusable lengths', () => {
    expect(() => captchaText(seededRandom(3), 0)).toThrow(RangeError);
    expect(() => captchaText(seededRandom(3), 2.5)).toThrow(RangeError);
    expect(() => captchaText(seededRandom(3), 50)).toThrow(RangeError);
  });
});

describe('the CAPTCHA alphabet', () => {
  it('has no easily confused characters and no duplicates', () => {
    expect(new Set(CAPTCHA_ALPHABET).size).toBe(CAPTCHA_ALPHABET.length);
    expect(CAPTCHA_ALPHABET).toMatch(/^[A-Z0-9]+$/);
    for (const confusable of '0O1I2Z5S6G8BQ') expect(CAPTCHA_ALPHABET).not.toContain(confusable);
  });

  it('has a glyph for every character', () => {
    for (const char of CAPTCHA_ALPHABET) {
      expect(CAPTCHA_GLYPHS[char]?.length).toBeGreaterThan(0);
    }
  });
});

describe('crc32', () => {
  it('matches the standard check value and a bitwise reference', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
    const data = seededRandom(4).bytes(1000);
    expect(crc32(data)).toBe(referenceCrc32(data));
  });
});

describe('encodeGrayscalePng', () => {
  it('round-trips pixels through every filter type', () => {
    const width = 37;
    const height = 11;
    const random = seededRandom(5);
    const pixels = Buffer.alloc(width * height);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        // Rows of noise, gradients and flat colour make the encoder pick different filters.
        pixels[y * width + x] = y % 3 === 0 ? random.int(256) : y % 3 === 1 ? (x * 7 + y) & 0xff : 200;
      }
    }
    const decoded = decodePng(encodeGrayscalePng(width, height, pixels));
    expect(decoded.width).toBe(width);
    expect(decoded.height).toBe(height);
    expect(decoded.pixels.equals(pixels)).toBe(true);
    const filters = new Set<number>();
    for (let y = 0; y < height; y += 1) filters.add(decoded.raw[y * (1 + width)]!);
    expect(filters.size).toBeGreaterThan(1);
  });

  it('rejects a pixel buffer of the wrong size', () => {
    expect(() => encodeGrayscalePng(10, 10, Buffer.alloc(99))).toThrow(RangeError);
  });
});

describe('renderCaptchaPng', () => {
  it('produces a valid PNG of the documented size', () => {
    const random = seededRandom(10);
    const png = renderCaptchaPng(captchaText(random), random);
    const decoded = decodePng(png);

    expect(decoded.width).toBe(CAPTCHA_WIDTH);
    expect(decoded.height).toBe(CAPTCHA_HEIGHT);
    expect(CAPTCHA_WIDTH).toBeGreaterThanOrEqual(180);
    expect(CAPTCHA_WIDTH).toBeLessThanOrEqual(220);
    expect(CAPTCHA_HEIGHT).toBeGreaterThanOrEqual(60);
    expect(CAPTCHA_HEIGHT).toBeLessThanOrEqual(80);
    expect(decoded.bitDepth).toBe(8);
    expect([1, 3]).toContain(decoded.channels);

    const types = decoded.chunks.map((c) => c.type);
    expect(types[0]).toBe('IHDR');
    expect(types).toContain('IDAT');
    expect(types[types.length - 1]).toBe('IEND');
    expect(decoded.chunks[decoded.chunks.length - 1]!.data).toHaveLength(0);
    for (const chunk of decoded.chunks) expect(chunk.crc).toBe(chunk.computedCrc);

    expect(decoded.raw).toHaveLength(decoded.height * (1 + decoded.width * decoded.channels));
    expect(png.length).toBeLessThan(12 * 1024);

    // Light background, dark glyphs.
    const sorted = Array.from(decoded.pixels).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThan(220);
    expect(sorted[Math.floor(sorted.length * 0.03)]).toBeLessThan(80);
  });

  it('is deterministic for the same random sequence', () => {
    const first = renderCaptchaPng('HK7AX', seededRandom(42));
    const second = renderCaptchaPng('HK7AX', seededRandom(42));
    expect(first.equals(second)).toBe(true);
    expect(renderCaptchaPng('HK7AX', seededRandom(43)).equals(first)).toBe(false);
  });

  it('draws different text differently', () => {
    const a = decodePng(renderCaptchaPng('ACEFH', seededRandom(7)));
    const b = decodePng(renderCaptchaPng('ACEFK', seededRandom(7)));
    expect(a.pixels.equals(b.pixels)).toBe(false);
    // Same random sequence, so only the last character's area may differ.
    let differing = 0;
    for (let i = 0; i < a.pixels.length; i += 1) if (a.pixels[i] !== b.pixels[i]) differing += 1;
    expect(differing).toBeGreaterThan(100);
  });

  it('renders every alphabet character with visible ink', () => {
    for (const char of CAPTCHA_ALPHABET) {
      const clean = decodePng(renderCaptchaPng(char, seededRandom(char.charCodeAt(0)), { noise: false }));
      expect(darkPixels(clean)).toBeGreaterThan(150);
      const noisy = decodePng(renderCaptchaPng(char, seededRandom(char.charCodeAt(0))));
      expect(darkPixels(noisy)).toBeGreaterThan(150);
    }
    // One clean glyph still leaves most of the picture as light background.
    const single = decodePng(renderCaptchaPng('A', seededRandom(1), { noise: false }));
    expect(darkPixels(single)).toBeLessThan(CAPTCHA_WIDTH * CAPTCHA_HEIGHT * 0.2);
  });

  it('rejects characters without a glyph and bad lengths', () => {
    expect(() => renderCaptchaPng('ABCDE', seededRandom(1))).toThrow(/without a glyph/);
    expect(() => renderCaptchaPng('acefh', seededRandom(1))).toThrow(RangeError);
    expect(() => renderCaptchaPng('', seededRandom(1))).toThrow(RangeError);
    expect(() => renderCaptchaPng('A'.repeat(20), seededRandom(1))).toThrow(RangeError);
  });

  it('renders many images, all valid and small', () => {
    const random = seededRandom(99);
    let largest = 0;
    for (let i = 0; i < 100; i += 1) {
      const png = renderCaptchaPng(captchaText(random, 4 + (i % 3)), random);
      largest = Math.max(largest, png.length);
      if (i % 10 === 0) {
        const decoded = decodePng(png);
        expect(decoded.raw).toHaveLength(CAPTCHA_HEIGHT * (1 + CAPTCHA_WIDTH * decoded.channels));
      }
    }
    expect(largest).toBeLessThan(12 * 1024);
  });

  it('saves a sample for a human to look at', () => {
    const dir = join(__dirname, '..', '..', 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    const random = seededRandom(2024);
    const png = renderCaptchaPng(captchaText(random), random);
    writeFileSync(join(dir, 'captcha-sample.png'), png);
    expect(decodePng(png).width).toBe(CAPTCHA_WIDTH);
  });
});
