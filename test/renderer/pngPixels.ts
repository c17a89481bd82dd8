// What the PNG checks share (resvg's in `npm test`, librsvg's in `npm run test:render`, Chromium's in the browser
// suite): decoding, and the pixels where a box's own background shows.
import { PNG } from 'pngjs';
import type { DiagramPalette } from '../../server/src/diagram/diagramPalette';
import { classesOf, frameOf, nodeGroups, type SvgElement } from './svgDocument';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Buffer;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const decodePng = (png: Buffer): Pixels => PNG.sync.read(png);

/** `#rrggbb` of one pixel. */
export function colourAt({ width, data }: Pixels, x: number, y: number): string {
  const i = (y * width + x) * 4;
  return `#${[data[i], data[i + 1], data[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** How many pixels are pure black, which nothing in either theme is: a box whose fill a reader did not understand. */
export function blackPixels({ data }: Pixels): number {
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 0 && data[i + 3] !== 0) count++;
  return count;
}

export interface BackgroundSample {
  id: string;
  x: number;
  y: number;
  expected: string;
}

/**
 * A point in the bottom-left padding of every pool and site, clear of the outline and of the boxes inside, with the
 * colour the theme fills it with: the plain background for pools, the site colour for sites.
 */
export function backgroundSamples(svg: SvgElement, palette: DiagramPalette): BackgroundSample[] {
  const fills: Record<string, string> = { persistentChatPool: palette.background, frontEndPool: palette.background, site: palette.siteBackground };
  return nodeGroups(svg)
    .filter((g) => classesOf(g)[1] in fills)
    .map((g) => {
      const frame = frameOf(g);
      return { id: g.attrs['data-id'], x: Math.round(frame.x + 6), y: Math.round(frame.y + frame.height - 6), expected: fills[classesOf(g)[1]] };
    });
}

/** The samples whose pixel is not the colour expected, in words. */
export function wrongBackgrounds(pixels: Pixels, samples: BackgroundSample[]): string[] {
  return samples.filter((s) => colourAt(pixels, s.x, s.y) !== s.expected).map((s) => `${s.id} at ${s.x},${s.y} is ${colourAt(pixels, s.x, s.y)}, not ${s.expected}`);
}
