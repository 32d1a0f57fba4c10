import { CAPTCHA_GLYPHS, GLYPH_HEIGHT, GLYPH_WIDTH } from './captchaGlyphs';
import { encodeGrayscalePng } from './png';
import type { RandomSource } from './random';

/**
 * Characters a CAPTCHA may contain: uppercase letters and digits that are hard to
 * confuse with one another (no 0/O/Q, 1/I, 2/Z, 5/S, 6/G, 8/B). The stroke font keeps
 * the remaining look-alikes apart: D has square left corners, V a pointed base.
 */
export const CAPTCHA_ALPHABET = 'ACDEFHJKLMNPRTUVWXY3479';

/** Width and height of every rendered CAPTCHA image, in pixels. */
export const CAPTCHA_WIDTH = 200;
export const CAPTCHA_HEIGHT = 70;

/** The longest text {@link renderCaptchaPng} accepts (it must still fit the width). */
export const CAPTCHA_MAX_LENGTH = 6;

export interface CaptchaRenderOptions {
  /**
   * Draw the noise curves, lines and speckles (default true). Turning this off is only
   * meant for tests and for inspecting the font.
   */
  noise?: boolean;
}

/** Picks `length` characters of {@link CAPTCHA_ALPHABET} with `random.int`. */
export function captchaText(random: RandomSource, length = 5): string {
  if (!Number.isInteger(length) || length < 1 || length > CAPTCHA_MAX_LENGTH) {
    throw new RangeError(`CAPTCHA length must be an integer from 1 to ${CAPTCHA_MAX_LENGTH}`);
  }
  let text = '';
  for (let i = 0; i < length; i += 1) {
    text += CAPTCHA_ALPHABET.charAt(random.int(CAPTCHA_ALPHABET.length));
  }
  return text;
}

// ---------------------------------------------------------------------------
// Rasterising: an "ink" canvas of coverage values in [0, 1].
// ---------------------------------------------------------------------------

/** A uniformly distributed number in [min, max), drawn only through `random.int`. */
function uniform(random: RandomSource, min: number, max: number): number {
  const steps = 1 << 20;
  return min + ((max - min) * random.int(steps)) / steps;
}

class InkCanvas {
  readonly ink: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.ink = new Float32Array(width * height);
  }

  /** Draws an anti-aliased thick line (round caps) from (x0, y0) to (x1, y1). */
  stroke(x0: number, y0: number, x1: number, y1: number, halfWidth: number, strength = 1): void {
    const reach = halfWidth + 1;
    const left = Math.max(0, Math.floor(Math.min(x0, x1) - reach));
    const right = Math.min(this.width - 1, Math.ceil(Math.max(x0, x1) + reach));
    const top = Math.max(0, Math.floor(Math.min(y0, y1) - reach));
    const bottom = Math.min(this.height - 1, Math.ceil(Math.max(y0, y1) + reach));
    const dx = x1 - x0;
    const dy = y1 - y0;
    const lengthSquared = dx * dx + dy * dy;
    for (let y = top; y <= bottom; y += 1) {
      const py = y + 0.5;
      for (let x = left; x <= right; x += 1) {
        const px = x + 0.5;
        let t = lengthSquared === 0 ? 0 : ((px - x0) * dx + (py - y0) * dy) / lengthSquared;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = px - (x0 + t * dx);
        const ey = py - (y0 + t * dy);
        const coverage = halfWidth + 0.5 - Math.sqrt(ex * ex + ey * ey);
        if (coverage <= 0) continue;
        const value = (coverage >= 1 ? 1 : coverage) * strength;
        const index = y * this.width + x;
        if (value > this.ink[index]!) this.ink[index] = value;
      }
    }
  }

  /** Bilinear sample at (x, y) in pixel-centre coordinates; outside the canvas is blank. */
  sample(x: number, y: number): number {
    const fx = x - 0.5;
    const fy = y - 0.5;
    const x0 = Math.floor(fx);
    const y0 = Math.floor(fy);
    const ax = fx - x0;
    const ay = fy - y0;
    const { width, height, ink } = this;
    const inX0 = x0 >= 0 && x0 < width;
    const inX1 = x0 + 1 >= 0 && x0 + 1 < width;
    let top = 0;
    let bottom = 0;
    if (y0 >= 0 && y0 < height) {
      const row = y0 * width;
      top = (inX0 ? ink[row + x0]! * (1 - ax) : 0) + (inX1 ? ink[row + x0 + 1]! * ax : 0);
    }
    if (y0 + 1 >= 0 && y0 + 1 < height) {
      const row = (y0 + 1) * width;
      bottom = (inX0 ? ink[row + x0]! * (1 - ax) : 0) + (inX1 ? ink[row + x0 + 1]! * ax : 0);
    }
    return top * (1 - ay) + bottom * ay;
  }
}

function drawText(canvas: InkCanvas, text: string, random: RandomSource): void {
  const margin = 8;
  const slot = (canvas.width - 2 * margin) / text.length;
  // Shrink the font a little for long texts so the characters keep apart.
  const fit = Math.min(1, slot / 36);
  for (let i = 0; i < text.length; i += 1) {
    const strokes = CAPTCHA_GLYPHS[text.charAt(i)]!;
    const scaleX = uniform(random, 5.0, 6.0) * fit;
    const scaleY = uniform(random, 6.0, 7.0) * Math.max(fit, 0.85);
    const angle = uniform(random, -0.2, 0.2) * fit;
    // Rotation and shear both lean the character (by shear - angle); cap the sum so
    // neighbours leaning towards each other do not run into one another.
    const maxLean = 0.22 * fit;
    const shear = Math.max(angle - maxLean, Math.min(angle + maxLean, uniform(random, -0.22, 0.22) * fit));
    const halfWidth = uniform(random, 1.9, 2.9) * Math.max(fit, 0.8);
    const centreX = margin + slot * (i + 0.5) + uniform(random, -3, 3) * fit;
    const centreY = canvas.height / 2 + uniform(random, -5, 5);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const place = (gx: number, gy: number): [number, number] => {
      const v = (gy - GLYPH_HEIGHT / 2) * scaleY;
      const u = (gx - GLYPH_WIDTH / 2) * scaleX + shear * v;
      return [centreX + u * cos - v * sin, centreY + u * sin + v * cos];
    };
    for (const stroke of strokes) {
      let [x0, y0] = place(...stroke[0]!);
      // A lone point is a dot; otherwise one pen stroke per polyline edge.
      for (let p = stroke.length === 1 ? 0 : 1; p < stroke.length; p += 1) {
        const [x1, y1] = place(...stroke[p]!);
        // A little width variation along the strokes too, as a pen would leave.
        canvas.stroke(x0, y0, x1, y1, halfWidth + uniform(random, -0.35, 0.35));
        x0 = x1;
        y0 = y1;
      }
    }
  }
}

/** Stamps a thin anti-aliased pen along a parametric path sampled at `steps` points. */
function drawPath(canvas: InkCanvas, point: (t: number) => [number, number], steps: number, halfWidth: number, strength: number): void {
  let [px, py] = point(0);
  for (let s = 1; s <= steps; s += 1) {
    const [x, y] = point(s / steps);
    canvas.stroke(px, py, x, y, halfWidth, strength);
    px = x;
    py = y;
  }
}

function drawNoiseCurves(canvas: InkCanvas, random: RandomSource): void {
  const { width, height } = canvas;
  // Two long wavy curves across the whole image, through the text band.
  for (let c = 0; c < 2; c += 1) {
    const startY = uniform(random, height * 0.25, height * 0.75);
    const endY = uniform(random, height * 0.25, height * 0.75);
    const amplitude = uniform(random, 4, 10);
    const periods = uniform(random, 0.6, 1.8);
    const phase = uniform(random, 0, 2 * Math.PI);
    const halfWidth = uniform(random, 0.55, 0.95);
    const strength = uniform(random, 0.65, 0.9);
    drawPath(
      canvas,
      (t) => [-5 + t * (width + 10), startY + (endY - startY) * t + amplitude * Math.sin(2 * Math.PI * periods * t + phase)],
      48,
      halfWidth,
      strength,
    );
  }
  // A few short straight scratches anywhere.
  const scratches = 2 + random.int(3);
  for (let c = 0; c < scratches; c += 1) {
    const x = uniform(random, 0, width);
    const y = uniform(random, 0, height);
    const length = uniform(random, 15, 45);
    const angle = uniform(random, 0, Math.PI);
    canvas.stroke(x, y, x + length * Math.cos(angle), y + length * Math.sin(angle), uniform(random, 0.4, 0.8), uniform(random, 0.5, 0.85));
  }
}

/** Applies a sine displacement in both directions (the "wavy" look). */
function warp(canvas: InkCanvas, random: RandomSource): InkCanvas {
  const { width, height } = canvas;
  const amplitudeX = uniform(random, 1.5, 3);
  const periodX = uniform(random, 45, 75);
  const phaseX = uniform(random, 0, 2 * Math.PI);
  const amplitudeY = uniform(random, 3, 5);
  const periodY = uniform(random, 70, 130);
  const phaseY = uniform(random, 0, 2 * Math.PI);
  const out = new InkCanvas(width, height);
  const shiftY: number[] = [];
  for (let x = 0; x < width; x += 1) {
    shiftY.push(amplitudeY * Math.sin((2 * Math.PI * (x + 0.5)) / periodY + phaseY));
  }
  for (let y = 0; y < height; y += 1) {
    const shiftX = amplitudeX * Math.sin((2 * Math.PI * (y + 0.5)) / periodX + phaseX);
    for (let x = 0; x < width; x += 1) {
      out.ink[y * width + x] = canvas.sample(x + 0.5 + shiftX, y + 0.5 + shiftY[x]!);
    }
  }
  return out;
}

function speckle(canvas: InkCanvas, random: RandomSource): void {
  const { width, height, ink } = canvas;
  const dark = 90 + random.int(60);
  for (let i = 0; i < dark; i += 1) {
    const index = random.int(width * height);
    const value = uniform(random, 0.35, 0.85);
    if (value > ink[index]!) ink[index] = value;
  }
  const light = 40 + random.int(40);
  for (let i = 0; i < light; i += 1) {
    const index = random.int(width * height);
    ink[index] = ink[index]! * uniform(random, 0.2, 0.6);
  }
}

/**
 * Renders `text` as a distorted but human-readable 200×70 8-bit grayscale PNG:
 * dark strokes of a built-in dot-matrix font, each character with its own offset,
 * rotation, shear and stroke width, a sine warp of the whole picture, noise curves,
 * scratches and speckles. The result depends only on `text` and the values drawn
 * from `random`.
 */
export function renderCaptchaPng(text: string, random: RandomSource, options: CaptchaRenderOptions = {}): Buffer {
  if (text.length < 1 || text.length > CAPTCHA_MAX_LENGTH) {
    throw new RangeError(`CAPTCHA text must have 1 to ${CAPTCHA_MAX_LENGTH} characters`);
  }
  for (const char of text) {
    if (!Object.prototype.hasOwnProperty.call(CAPTCHA_GLYPHS, char)) {
      throw new RangeError(`CAPTCHA text contains a character without a glyph: ${JSON.stringify(char)}`);
    }
  }
  const noise = options.noise ?? true;
  const canvas = new InkCanvas(CAPTCHA_WIDTH, CAPTCHA_HEIGHT);
  drawText(canvas, text, random);
  if (noise) drawNoiseCurves(canvas, random);
  const warped = warp(canvas, random);
  if (noise) speckle(warped, random);

  const background = 236 + random.int(16);
  const foreground = 20 + random.int(40);
  const pixels = Buffer.alloc(CAPTCHA_WIDTH * CAPTCHA_HEIGHT);
  for (let i = 0; i < pixels.length; i += 1) {
    pixels[i] = Math.round(background - warped.ink[i]! * (background - foreground));
  }
  return encodeGrayscalePng(CAPTCHA_WIDTH, CAPTCHA_HEIGHT, pixels);
}
