// The drawing as another program reads it: `pchat-topology render` (the built CLI) writes the SVG of every example
// in both themes, librsvg's rsvg-convert turns each into a PNG (in .artifacts/render/), and the pixels where the
// pools and sites are must be the theme's fill colours: no black boxes from colours librsvg cannot read.
//
//   npm run test:render
//
// Not part of `npm test`: it needs rsvg-convert (Debian's librsvg2-bin, which .ci/run installs), and fails without it.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { before, describe, it } from 'node:test';
import { DIAGRAM_THEMES, PALETTES, type DiagramTheme } from '../../server/src/diagram/diagramPalette';
import { backgroundSamples, blackPixels, decodePng, wrongBackgrounds } from '../renderer/pngPixels';
import { examples, parseSvg, REPO } from '../renderer/svgDocument';

const RSVG_CONVERT = process.env.PCHAT_RSVG_CONVERT ?? 'rsvg-convert';
const ARTIFACTS = join(REPO, '.artifacts', 'render');
const BIN = join(REPO, 'bin', 'pchat-topology.js');
const run = promisify(execFile);

const EXAMPLES = examples();
const file = (name: string, theme: DiagramTheme, extension: 'svg' | 'png') => join(ARTIFACTS, `${name}-${theme}.${extension}`);

describe('the SVG from render, drawn by librsvg (rsvg-convert)', () => {
  before(async () => {
    const version = spawnSync(RSVG_CONVERT, ['--version'], { encoding: 'utf8' });
    assert.ok(version.status === 0, `${RSVG_CONVERT} is not installed (${version.error?.message ?? version.stderr}): apt-get install librsvg2-bin, or set PCHAT_RSVG_CONVERT`);
    assert.ok(existsSync(join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` first');
    mkdirSync(ARTIFACTS, { recursive: true });
    // All at once: each CLI run spends most of its second starting up.
    await Promise.all(
      DIAGRAM_THEMES.flatMap((theme) =>
        EXAMPLES.map(async ({ name, path }) => {
          await run(process.execPath, [BIN, 'render', path, '--theme', theme, '-o', file(name, theme, 'svg')], { cwd: REPO });
          await run(RSVG_CONVERT, [file(name, theme, 'svg'), '-o', file(name, theme, 'png')]);
        }),
      ),
    );
  });

  for (const theme of DIAGRAM_THEMES) {
    describe(`--theme ${theme}`, () => {
      for (const { name, path } of EXAMPLES) {
        it(`${path}: the pools and sites are filled with the ${theme} colours, and nothing is black`, () => {
          const svg = parseSvg(readFileSync(file(name, theme, 'svg'), 'utf8'));
          const pixels = decodePng(readFileSync(file(name, theme, 'png')));
          assert.deepEqual([pixels.width, pixels.height], [Number(svg.attrs.width), Number(svg.attrs.height)], 'one pixel per SVG unit');
          const samples = backgroundSamples(svg, PALETTES[theme]);
          assert.ok(samples.some((s) => s.id.startsWith('pc:')), 'a Persistent Chat pool among the samples');
          assert.deepEqual(wrongBackgrounds(pixels, samples), []);
          assert.equal(blackPixels(pixels), 0, 'black pixels');
        });
      }
    });
  }
});
