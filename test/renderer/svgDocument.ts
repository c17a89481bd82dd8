// What the renderer tests and the browser suite share: the examples, their models and drawings, and a strict
// little parser for the SVG the renderer writes (elements, double-quoted attributes, the five XML entities).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagramTheme } from '../../server/src/diagram/diagramPalette';
import { renderDiagramSvg } from '../../server/src/diagram/renderSvg';
import { diagramModel, type DiagramModel } from '../../server/src/service/features/diagramModel';
import { analyze } from '../../server/src/service/languageService';
import type { Finding } from '../../server/src/service/types';

export const REPO = join(__dirname, '..', '..');

export interface Example {
  /** The file name without `.topology.yaml`: `too-many-active`. */
  name: string;
  /** Relative to the repository: `examples/invalid/too-many-active.topology.yaml`. */
  path: string;
  text: string;
}

/** Every example, the valid ones first, then examples/invalid. */
export function examples(): Example[] {
  return ['examples', 'examples/invalid'].flatMap((folder) =>
    readdirSync(join(REPO, folder))
      .filter((f) => /\.topology\.ya?ml$/.test(f))
      .sort()
      .map((f) => ({ name: f.replace(/\.topology\.ya?ml$/, ''), path: `${folder}/${f}`, text: readFileSync(join(REPO, folder, f), 'utf8') })),
  );
}

export interface Drawing {
  findings: Finding[];
  model: DiagramModel;
  svg: string;
}

export async function draw(text: string, theme: DiagramTheme = 'light'): Promise<Drawing> {
  const analysis = analyze(text);
  const model = diagramModel(analysis);
  return { findings: analysis.findings, model, svg: await renderDiagramSvg(model, theme) };
}

export interface SvgElement {
  name: string;
  attrs: Record<string, string>;
  children: SvgElement[];
  /** The element's own text (entities decoded), not its descendants'. */
  text: string;
  parent?: SvgElement;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the XML entities; throws on a bare `&` or an entity XML does not define. */
export function decodeXml(s: string): string {
  return s.replace(/&([^;\s&<]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare '&' in ${JSON.stringify(s.slice(0, 80))}`);
    if (name in ENTITIES) return ENTITIES[name];
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (num) return String.fromCodePoint(num[1][0] === 'x' ? parseInt(num[1].slice(1), 16) : Number(num[1]));
    throw new Error(`unknown entity &${name}; (not XML)`);
  });
}

const NAME = '[A-Za-z_][\\w.:-]*';
const ATTR = new RegExp(`\\s+(${NAME})="([^"<]*)"`, 'y');

/**
 * Parses the renderer's SVG strictly enough to catch what a browser's XML parser would refuse: unbalanced or
 * misnested tags, unquoted or duplicate attributes, `<` in text or attributes, undefined entities, a second root.
 */
export function parseSvg(svg: string): SvgElement {
  const root: SvgElement = { name: '#document', attrs: {}, children: [], text: '' };
  let current = root;
  let i = 0;
  const fail = (why: string): never => {
    const line = svg.slice(0, i).split('\n').length;
    throw new Error(`${why} at line ${line}: ${JSON.stringify(svg.slice(i, i + 60))}`);
  };
  while (i < svg.length) {
    const lt = svg.indexOf('<', i);
    const text = svg.slice(i, lt < 0 ? svg.length : lt);
    if (text) {
      if (current === root && text.trim()) fail('text outside the root element');
      if (text.includes(']]>')) fail("']]>' in text");
      current.text += decodeXml(text);
    }
    if (lt < 0) break;
    i = lt;
    if (svg.startsWith('<!--', i)) {
      const end = svg.indexOf('-->', i);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
      continue;
    }
    const close = new RegExp(`</(${NAME})\\s*>`, 'y');
    close.lastIndex = i;
    const closing = close.exec(svg);
    if (closing) {
      if (closing[1] !== current.name) fail(`</${closing[1]}> closes <${current.name}>`);
      current = current.parent!;
      i = close.lastIndex;
      continue;
    }
    const open = new RegExp(`<(${NAME})`, 'y');
    open.lastIndex = i;
    const opening = open.exec(svg);
    if (!opening) fail("'<' that starts no tag");
    i = open.lastIndex;
    const element: SvgElement = { name: opening![1], attrs: {}, children: [], text: '', parent: current };
    for (;;) {
      ATTR.lastIndex = i;
      const attr = ATTR.exec(svg);
      if (!attr) break;
      if (attr[1] in element.attrs) fail(`duplicate attribute ${attr[1]}`);
      element.attrs[attr[1]] = decodeXml(attr[2]);
      i = ATTR.lastIndex;
    }
    const tail = /\s*(\/?)>/y;
    tail.lastIndex = i;
    const end = tail.exec(svg);
    if (!end) fail(`malformed tag <${element.name}>`);
    i = tail.lastIndex;
    if (current === root && root.children.length) fail('a second root element');
    current.children.push(element);
    if (!end![1]) current = element;
  }
  if (current !== root) throw new Error(`<${current.name}> is never closed`);
  if (root.children.length !== 1) throw new Error('no root element');
  return root.children[0];
}

export function* descendants(element: SvgElement): Generator<SvgElement> {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

export function classesOf(element: SvgElement): string[] {
  return (element.attrs.class ?? '').split(/\s+/).filter(Boolean);
}

/** The `<g class="node …">` groups, by data-id (the first if an id repeats; count them separately). */
export function nodeGroups(svg: SvgElement): SvgElement[] {
  return [...descendants(svg)].filter((e) => e.name === 'g' && classesOf(e)[0] === 'node');
}

export function edgeGroups(svg: SvgElement): SvgElement[] {
  return [...descendants(svg)].filter((e) => e.name === 'g' && classesOf(e)[0] === 'edge');
}

/** The frame of a node group: its `<rect class="frame">` as numbers. */
export function frameOf(node: SvgElement): { x: number; y: number; width: number; height: number } {
  const rect = node.children.find((c) => c.name === 'rect' && classesOf(c)[0] === 'frame');
  if (!rect) throw new Error(`node ${node.attrs['data-id']} has no frame`);
  const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((a) => Number(rect.attrs[a]));
  return { x, y, width, height };
}

/** `sl,sc,el,ec` as the renderer writes data-range, from an LSP range. */
export function dataRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${range.start.line},${range.start.character},${range.end.line},${range.end.character}`;
}

/** The header line's counts, as a reader would word them, from the findings themselves. */
export function expectedCounts(findings: Finding[]): string {
  const n = (s: string) => findings.filter((f) => f.severity === s).length;
  const parts: string[] = [];
  if (n('error')) parts.push(`${n('error')} error${n('error') === 1 ? '' : 's'}`);
  if (n('warning')) parts.push(`${n('warning')} warning${n('warning') === 1 ? '' : 's'}`);
  if (n('information')) parts.push(`${n('information')} info`);
  if (n('hint')) parts.push(`${n('hint')} hint${n('hint') === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' · ') : 'no problems';
}
