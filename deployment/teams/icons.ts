/**
 * The Teams app's two icons, drawn here so they can be made again: a white shield with a tick
 * (an e-signature's seal of trust). `npm run teams:icons` writes color.png and outline.png
 * beside this file; the committed PNGs are what it writes, which a test checks.
 *
 * - color.png, 192×192: the shield on a full-bleed background of the accent colour (Teams rounds
 *   the corners itself);
 * - outline.png, 32×32: the shield's outline and the tick in white on transparent, as Teams asks.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeRgbaPng, type Rgba } from '../../src/lib/png';

/** The accent colour of the manifest and the colour icon's background. */
export const ACCENT_COLOR = '#1F4E79';

type Point = readonly [x: number, y: number];

/** The shield, in units of the icon's side: a flat top with raised corners, sides that curve to a point. */
const SHIELD: readonly Point[] = (() => {
  const top: Point[] = [
    [0.5, 0.14],
    [0.62, 0.19],
    [0.77, 0.21],
  ];
  // The right side: straight down, then a quarter-ellipse to the point at the bottom.
  const right: Point[] = [[0.77, 0.47]];
  for (let step = 1; step <= 12; step++) {
    const angle = (step / 12) * (Math.PI / 2);
    right.push([0.5 + 0.27 * Math.cos(angle), 0.47 + 0.39 * Math.sin(angle)]);
  }
  const half = [...top, ...right];
  const mirrored = half
    .slice(1, -1)
    .reverse()
    .map(([x, y]) => [1 - x, y] as Point);
  return [...half, ...mirrored];
})();

/** The tick inside the shield, as a thick polyline. */
const TICK: readonly Point[] = [
  [0.36, 0.49],
  [0.46, 0.6],
  [0.65, 0.38],
];

function insidePolygon([x, y]: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment([x, y]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function distanceToPath(point: Point, path: readonly Point[], closed: boolean): number {
  let nearest = Infinity;
  const last = closed ? path.length : path.length - 1;
  for (let i = 0; i < last; i++) nearest = Math.min(nearest, distanceToSegment(point, path[i]!, path[(i + 1) % path.length]!));
  return nearest;
}

/** How much of a pixel a shape covers, sampled 4×4 for smooth edges. */
function coverage(size: number, px: number, py: number, covers: (point: Point) => boolean): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      if (covers([(px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size])) hits++;
    }
  }
  return hits / 16;
}

function hexColor(hex: string): Rgba {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, 255];
}

function mix(under: Rgba, over: Rgba, amount: number): Rgba {
  return under.map((channel, index) => Math.round(channel + (over[index]! - channel) * amount)) as unknown as Rgba;
}

/** 192×192: the white shield on the accent colour, the tick cut out in the accent colour. */
export function colorIcon(size = 192): Buffer {
  const background = hexColor(ACCENT_COLOR);
  const white: Rgba = [255, 255, 255, 255];
  const tickWidth = 0.045;
  return encodeRgbaPng(size, size, (x, y) => {
    const shield = coverage(size, x, y, (point) => insidePolygon(point, SHIELD));
    const tick = coverage(size, x, y, (point) => distanceToPath(point, TICK, false) < tickWidth);
    return mix(mix(background, white, shield), background, tick);
  });
}

/** 32×32: the shield's outline and the tick, white on transparent. */
export function outlineIcon(size = 32): Buffer {
  const stroke = 2.2 / size;
  return encodeRgbaPng(size, size, (x, y) => {
    const covered = coverage(
      size,
      x,
      y,
      (point) =>
        (insidePolygon(point, SHIELD) && distanceToPath(point, SHIELD, true) < stroke) ||
        distanceToPath(point, TICK, false) < stroke / 2 + 0.012,
    );
    return [255, 255, 255, Math.round(covered * 255)];
  });
}

export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

if (require.main === module) {
  writeFileSync(join(__dirname, ICON_FILES.color), colorIcon());
  writeFileSync(join(__dirname, ICON_FILES.outline), outlineIcon());
  console.log(`wrote ${ICON_FILES.color} (192×192) and ${ICON_FILES.outline} (32×32) in ${__dirname}`);
}
