import { deflateSync } from 'node:zlib';

/**
 * The one PNG encoder: 8-bit grayscale for the CAPTCHA pictures, 8-bit RGBA for the Teams icons.
 * Only what those two need; zlib comes from node:zlib.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The human-check pictures are drawn on the event loop, one per check: zlib's own default level.
 * Measured on them (200×70, filtered rows of noise): level 9 took 21.5 ms a picture for 5,134
 * bytes, level 6 0.3 ms for 5,249 (2 % more); level 9's search was most of a picture's 16 ms.
 * The Teams icons are drawn once, offline: there the smallest file wins.
 */
const DEFLATE_LEVEL = { turn: 6, offline: 9 } as const;

/** PNG colour types this encoder writes. */
const COLOUR_TYPE = { gray: 0, rgba: 6 } as const;

export type Rgba = readonly [r: number, g: number, b: number, a: number];

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 (ISO 3309 / PNG / zlib polynomial) of `data`. */
export function crc32(data: Uint8Array, initial = 0): number {
  let c = (initial ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i += 1) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The file around scanlines that already carry their filter byte. */
function pngFile(width: number, height: number, colour: keyof typeof COLOUR_TYPE, scanlines: Buffer, level: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  // 8 bits per sample, the colour type, deflate, adaptive filtering, no interlace.
  header.set([8, COLOUR_TYPE[colour], 0, 0, 0], 8);
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Encodes one-byte-per-pixel grayscale `pixels` (row-major) as a PNG. Each row gets the filter
 * whose output is smallest in absolute value, which is what makes noisy pictures compress.
 */
export function encodeGrayscalePng(width: number, height: number, pixels: Uint8Array): Buffer {
  if (pixels.length !== width * height) throw new RangeError('pixel count does not match the size');
  const stride = 1 + width;
  const raw = Buffer.alloc(height * stride);
  const candidate = Buffer.alloc(width);
  for (let y = 0; y < height; y += 1) {
    const row = pixels.subarray(y * width, (y + 1) * width);
    const above = y > 0 ? pixels.subarray((y - 1) * width, y * width) : undefined;
    let bestScore = Infinity;
    for (let filter = 0; filter <= 4; filter += 1) {
      let score = 0;
      for (let x = 0; x < width; x += 1) {
        const a = x > 0 ? row[x - 1]! : 0;
        const b = above ? above[x]! : 0;
        const c = x > 0 && above ? above[x - 1]! : 0;
        const predictor = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
        const value = (row[x]! - predictor) & 0xff;
        candidate[x] = value;
        score += value < 128 ? value : 256 - value;
      }
      if (score < bestScore) {
        bestScore = score;
        raw[y * stride] = filter;
        candidate.copy(raw, y * stride + 1);
      }
    }
  }
  return pngFile(width, height, 'gray', raw, DEFLATE_LEVEL.turn);
}

/** Encodes an 8-bit RGBA picture drawn by `pixel`, every row unfiltered (small icons gain nothing). */
export function encodeRgbaPng(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const stride = 1 + width * 4;
  const raw = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * stride + 1 + x * 4);
  }
  return pngFile(width, height, 'rgba', raw, DEFLATE_LEVEL.offline);
}
