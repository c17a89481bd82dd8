// `pchat-topology render --format png` (the built CLI): resvg draws the standalone SVG to a PNG, and the PNG's pixels
// show the theme's colours where the pools and sites are.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { PALETTES, type DiagramTheme } from '../../server/src/diagram/diagramPalette';
import { cli, tempDir } from '../cli/spawnCli';
import { backgroundSamples, blackPixels, decodePng, PNG_SIGNATURE, wrongBackgrounds } from './pngPixels';
import { draw, parseSvg, REPO } from './svgDocument';

const EXAMPLE = 'examples/ee-multiple-server.topology.yaml';

/** Width and height from the PNG's IHDR chunk, which follows the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR', 'the first chunk is IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('pchat-topology render --format png', () => {
  let dir: string;
  before(() => {
    assert.ok(existsSync(join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` first');
    dir = tempDir();
  });

  async function assertDrawing(file: string, theme: DiagramTheme) {
    const png = readFileSync(file);
    assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE, 'the PNG signature');
    const svg = parseSvg((await draw(readFileSync(join(REPO, EXAMPLE), 'utf8'), theme)).svg);
    assert.deepEqual(pngSize(png), { width: Number(svg.attrs.width), height: Number(svg.attrs.height) }, 'one pixel per SVG unit');
    const pixels = decodePng(png);
    const samples = backgroundSamples(svg, PALETTES[theme]);
    assert.ok(samples.some((s) => s.id === 'pc:pchat') && samples.some((s) => s.id === 'site:redmond'), samples.map((s) => s.id).join(', '));
    assert.deepEqual(wrongBackgrounds(pixels, samples), []);
    assert.equal(blackPixels(pixels), 0, 'black pixels');
  }

  it('writes a PNG the size of the drawing, its pool and site backgrounds in the light theme', async () => {
    const out = join(dir, 'light.png');
    const run = cli(['render', EXAMPLE, '--format', 'png', '-o', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /light\.png: 31 entities, 10 links, 0 error\(s\), 0 warning\(s\)\.\n$/);
    await assertDrawing(out, 'light');
  });

  it('takes png from the name -o gives it, and --theme dark paints the dark theme', async () => {
    const out = join(dir, 'dark.png');
    const run = cli(['render', EXAMPLE, '--theme', 'dark', '-o', out]);
    assert.equal(run.status, 0, run.stderr);
    await assertDrawing(out, 'dark');
  });

  it('writes an SVG to a .png name when --format svg says so', () => {
    const out = join(dir, 'really-svg.png');
    assert.equal(cli(['render', EXAMPLE, '--format', 'svg', '-o', out]).status, 0);
    assert.match(readFileSync(out, 'utf8'), /^<svg /);
  });

  it('draws the reason as a PNG for a file it cannot draw, with exit status 1', () => {
    const input = join(dir, 'broken.topology.yaml');
    writeFileSync(input, 'topology: Broken\nsites: [\n');
    const out = join(dir, 'broken.png');
    const run = cli(['render', input, '-o', out]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /broken\.png: .*broken\.topology\.yaml cannot be drawn; the PNG says why\.\n$/);
    const png = readFileSync(out);
    assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
    assert.equal(pngSize(png).width, 800);
  });

  it('says in one line that PNG output is missing where npm installed no resvg build, and writes nothing', () => {
    const preload = join(dir, 'no-resvg.js');
    const hook = `export async function resolve(specifier, context, next) {
  if (specifier === '@resvg/resvg-js') throw Object.assign(new Error("Cannot find package '@resvg/resvg-js'"), { code: 'ERR_MODULE_NOT_FOUND' });
  return next(specifier, context);
}`;
    writeFileSync(preload, `require('node:module').register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`);
    const out = join(dir, 'missing.png');
    const run = cli(['render', EXAMPLE, '-o', out], { preload });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `pchat-topology: cannot write '${out}': PNG output needs @resvg/resvg-js, which is not installed for ${process.platform}-${process.arch} (Cannot find package '@resvg/resvg-js')\n`);
    assert.equal(existsSync(out), false);
  });

  it('refuses an unknown format or theme, and PNG to stdout, as usage errors', () => {
    const cases: [string[], RegExp][] = [
      [['--format', 'gif', '-o', join(dir, 'x.gif')], /--format must be svg or png, not 'gif'\./],
      [['--theme', 'blue', '-o', join(dir, 'x.svg')], /--theme must be light or dark, not 'blue'\./],
      [['--format', 'png', '-o', '-'], /PNG output needs a file: -o <out\.png>\./],
    ];
    for (const [args, message] of cases) {
      const run = cli(['render', EXAMPLE, ...args]);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    }
  });
});
