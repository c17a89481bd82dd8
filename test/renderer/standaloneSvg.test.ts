// The SVG stands alone: what browsers, Inkscape, librsvg and Office all read. Colours as values in presentation
// attributes (no CSS variables, no <style>), every shape filled explicitly (an unset fill is black), no
// foreignObject, and fonts that end in a generic family.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { FONT_FAMILY } from '../../server/src/diagram/diagramPaint';
import { DIAGRAM_THEMES, PALETTES, type DiagramTheme } from '../../server/src/diagram/diagramPalette';
import { classesOf, descendants, draw, examples, nodeGroups, parseSvg, type SvgElement } from './svgDocument';

const EXAMPLES = examples();
const svgs = new Map<string, string>();
const key = (name: string, theme: DiagramTheme) => `${name} ${theme}`;

before(async () => {
  for (const example of EXAMPLES) for (const theme of DIAGRAM_THEMES) svgs.set(key(example.name, theme), (await draw(example.text, theme)).svg);
});

const SHAPES = new Set(['rect', 'path', 'circle', 'ellipse', 'polygon', 'polyline', 'line']);
const frame = (node: SvgElement) => node.children.find((c) => c.name === 'rect' && classesOf(c)[0] === 'frame')!;

describe('the standalone SVG', () => {
  for (const theme of DIAGRAM_THEMES) {
    describe(`--theme ${theme}`, () => {
      const palette = PALETTES[theme];
      const colours = new Set(Object.values(palette));

      for (const example of EXAMPLES) {
        it(`${example.path}: colours as values from the ${theme} palette, on every shape and text; no var(), <style> or foreignObject`, () => {
          const svg = svgs.get(key(example.name, theme))!;
          assert.doesNotMatch(svg, /var\(/);
          assert.doesNotMatch(svg, /<style|<foreignObject|\sstyle="/);
          const root = parseSvg(svg);
          const unpainted: string[] = [];
          const foreign: string[] = [];
          for (const element of descendants(root)) {
            if ((SHAPES.has(element.name) || element.name === 'text') && element.attrs.fill === undefined) unpainted.push(`<${element.name} class="${element.attrs.class ?? ''}">`);
            for (const attribute of ['fill', 'stroke']) {
              const value = element.attrs[attribute];
              if (value !== undefined && value !== 'none' && !colours.has(value)) foreign.push(`<${element.name}> ${attribute}="${value}"`);
            }
          }
          assert.deepEqual(unpainted, [], 'shapes and text without a fill, which a reader paints black');
          assert.deepEqual(foreign, [], `colours not in the ${theme} palette`);
        });
      }

      it('paints the page, the pools and the text in the theme: background, border and foreground', () => {
        const root = parseSvg(svgs.get(key('ee-multiple-server', theme))!);
        const background = root.children.find((c) => c.name === 'rect' && classesOf(c)[0] === 'background')!;
        assert.deepEqual([background.attrs.width, background.attrs.height, background.attrs.fill], [root.attrs.width, root.attrs.height, palette.background]);
        const pool = nodeGroups(root).find((n) => n.attrs['data-id'] === 'pc:pchat')!;
        assert.deepEqual([frame(pool).attrs.fill, frame(pool).attrs.stroke], [palette.background, palette.persistentChat]);
        const site = nodeGroups(root).find((n) => n.attrs['data-id'] === 'site:redmond')!;
        assert.deepEqual([frame(site).attrs.fill, frame(site).attrs['stroke-dasharray']], [palette.siteBackground, '8 4']);
        const header = root.children.find((c) => c.name === 'text' && c.attrs.class === 'header')!;
        assert.equal(header.attrs.fill, palette.foreground);
      });
    });
  }

  it('the two themes differ in every colour that paints a box or text', () => {
    const [light, dark] = DIAGRAM_THEMES.map((t) => PALETTES[t]);
    for (const colour of ['background', 'foreground', 'border', 'siteBackground'] as const) assert.notEqual(light[colour], dark[colour], colour);
  });

  it('names its fonts on the root, ending in the generic sans-serif', () => {
    const root = parseSvg(svgs.get(key('ee-multiple-server', 'light'))!);
    assert.equal(root.attrs['font-family'], FONT_FAMILY);
    assert.match(FONT_FAMILY, /, sans-serif$/);
    assert.equal(root.attrs['font-size'], '12');
  });

  it('outlines findings in the theme’s severity colours', () => {
    for (const theme of DIAGRAM_THEMES) {
      const root = parseSvg(svgs.get(key('too-many-active', theme))!);
      const errors = nodeGroups(root).filter((n) => classesOf(n).includes('error'));
      assert.ok(errors.length > 0);
      for (const node of errors) assert.deepEqual([frame(node).attrs.stroke, frame(node).attrs['stroke-width']], [PALETTES[theme].error, '3'], `${theme} ${node.attrs['data-id']}`);
    }
  });

  it('marks each coloured attribute with the class the preview repaints it by', () => {
    const root = parseSvg(svgs.get(key('ee-multiple-server', 'dark'))!);
    for (const element of descendants(root)) {
      if (element.name === 'text') continue;
      for (const attribute of ['fill', 'stroke'] as const) {
        const value = element.attrs[attribute];
        if (value === undefined || value === 'none') continue;
        const named = Object.entries(PALETTES.dark).filter(([, v]) => v === value).map(([name]) => `${attribute}-${name}`);
        assert.ok(named.some((c) => classesOf(element).includes(c)), `<${element.name} class="${element.attrs.class}"> ${attribute}="${value}" has none of ${named.join(', ')}`);
      }
    }
  });
});
