// What a design document needs the drawing to say: the legend, the capacity figures in words, the servers in the
// order the file lists them, and which file store each pool uses.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { EDGE_PAINT, framePaint } from '../../server/src/diagram/diagramPaint';
import { PALETTES } from '../../server/src/diagram/diagramPalette';
import { CHAR_WIDTH } from '../../server/src/diagram/layoutDiagram';
import { renderLegend } from '../../server/src/diagram/renderLegend';
import type { DiagramNode } from '../../server/src/service/features/diagramModel';
import { classesOf, descendants, draw, edgeGroups, examples, frameOf, nodeGroups, parseSvg, type Drawing, type SvgElement } from './svgDocument';

const EXAMPLES = examples();
const drawings = new Map<string, Drawing & { root: SvgElement }>();

before(async () => {
  for (const example of EXAMPLES) {
    const drawing = await draw(example.text);
    drawings.set(example.name, { ...drawing, root: parseSvg(drawing.svg) });
  }
});

const legendOf = (root: SvgElement) => [...descendants(root)].find((e) => e.name === 'g' && e.attrs.class === 'legend');
const entriesOf = (legend: SvgElement) => legend.children.filter((c) => c.name === 'g' && classesOf(c)[0] === 'entry');
const meaningOf = (entry: SvgElement) => entry.children.find((c) => c.name === 'text')!.text;
const sampleOf = (entry: SvgElement) => entry.children.find((c) => classesOf(c).includes('sample'))!;
const textOf = (node: SvgElement, className: string) => [...descendants(node)].find((e) => e.name === 'text' && e.attrs.class === className)?.text;

describe('the legend', () => {
  it('ee-multiple-server: explains next hop, the databases, mirroring, log shipping, the file store links and the dashed standby servers', () => {
    const legend = legendOf(drawings.get('ee-multiple-server')!.root);
    assert.ok(legend, 'no legend');
    assert.equal(textOf(legend, 'title'), 'Legend');
    assert.deepEqual(entriesOf(legend).map(meaningOf), [
      'next hop (SIP)',
      'Persistent Chat database',
      'compliance database',
      'SQL Server mirroring',
      'log shipping',
      'Front End back end',
      'file store',
      'standby server',
    ]);
  });

  it('draws each line sample as the links of its kind are drawn, and the standby sample as a standby server', () => {
    const { root } = drawings.get('ee-multiple-server')!;
    const style = (e: SvgElement) => ['stroke', 'stroke-width', 'stroke-dasharray', 'fill'].map((a) => `${a}=${e.attrs[a]}`).join(' ');
    for (const entry of entriesOf(legendOf(root)!)) {
      const kind = classesOf(entry)[1];
      const sample = sampleOf(entry);
      if (kind === 'standby') {
        const standby = nodeGroups(root).find((n) => classesOf(n).includes('standby'))!;
        assert.equal(style(sample), style(standby.children.find((c) => c.name === 'rect')!), 'the standby sample');
        continue;
      }
      assert.ok(kind in EDGE_PAINT, `entry ${kind}`);
      const edges = edgeGroups(root).filter((e) => classesOf(e)[1] === kind);
      assert.ok(edges.length > 0, `a legend entry for ${kind}, which the drawing has no link of`);
      for (const edge of edges) assert.equal(style(sample), style(edge.children.find((c) => c.name === 'path')!), `${kind}: legend vs ${edge.attrs['data-id']}`);
    }
  });

  it('gives the line styles different looks', () => {
    const looks = Object.entries(EDGE_PAINT)
      .filter(([kind]) => !['database', 'backEnd'].includes(kind))
      .map(([, paint]) => `${paint.stroke} ${paint.strokeWidth} ${paint.dash}`);
    assert.equal(new Set(looks).size, looks.length, looks.join(', '));
    assert.notEqual(framePaint({ kind: 'persistentChatServer', state: 'standby' }).dash, undefined, 'standby servers are dashed');
    assert.equal(framePaint({ kind: 'persistentChatServer', state: 'active' }).dash, undefined, 'active ones are not');
  });

  it('wraps into rows that fit a narrow drawing', () => {
    const { model } = drawings.get('ee-multiple-server')!;
    const width = 360;
    const legend = parseSvg(`<svg>${renderLegend(model, 100, width, PALETTES.light).svg}</svg>`);
    const texts = entriesOf(legendOf(legend)!).map((e) => e.children.find((c) => c.name === 'text')!);
    const rows = new Set(texts.map((t) => t.attrs.y));
    assert.ok(rows.size > 2, `${rows.size} rows`);
    for (const text of texts) assert.ok(Number(text.attrs.x) + text.text.length * CHAR_WIDTH <= width, `${text.text} ends past ${width}`);
  });

  for (const example of EXAMPLES) {
    it(`${example.path}: lists what the drawing uses and nothing else, inside the drawing below the pools`, () => {
      const { model, root } = drawings.get(example.name)!;
      const expected = new Set<string>(model.edges.map((e) => e.kind));
      if (model.nodes.some((n) => n.state === 'standby')) expected.add('standby');
      const legend = legendOf(root);
      assert.ok(legend, 'no legend');
      const kinds = entriesOf(legend).map((e) => classesOf(e)[1]);
      assert.deepEqual(new Set(kinds), expected);
      assert.equal(kinds.length, expected.size, 'each once');
      const lowestNode = Math.max(...nodeGroups(root).map((n) => frameOf(n).y + frameOf(n).height));
      for (const entry of entriesOf(legend)) {
        const text = entry.children.find((c) => c.name === 'text')!;
        const [x, y] = [Number(text.attrs.x), Number(text.attrs.y)];
        assert.ok(y > lowestNode && y < Number(root.attrs.height), `${classesOf(entry)[1]} at y=${y}: below ${lowestNode}, inside ${root.attrs.height}`);
        assert.ok(x + text.text.length * CHAR_WIDTH <= Number(root.attrs.width), `${classesOf(entry)[1]} ends past the width ${root.attrs.width}`);
      }
    });
  }
});

describe('the capacity bar prints its figures', () => {
  const figuresOf = (root: SvgElement, poolId: string) => {
    const pool = nodeGroups(root).find((n) => n.attrs['data-id'] === poolId)!;
    const capacity = [...descendants(pool)].find((e) => e.name === 'g' && classesOf(e)[0] === 'capacity')!;
    return { capacity, figures: capacity.children.find((c) => c.name === 'text' && c.attrs.class === 'figures') };
  };

  it('ee-multiple-server: 72,000 planned users of the 80,000 its four active servers carry, as visible text', () => {
    const { capacity, figures } = figuresOf(drawings.get('ee-multiple-server')!.root, 'pc:pchat');
    assert.equal(figures?.text, '72,000 / 80,000 users');
    assert.deepEqual(classesOf(capacity), ['capacity']);
  });

  it('too-many-active: the overload in figures, and the bar marked over', () => {
    const { capacity, figures } = figuresOf(drawings.get('too-many-active')!.root, 'pc:pchat');
    assert.match(figures?.text ?? '', /^[\d,]+ \/ 80,000 users$/);
    assert.deepEqual(classesOf(capacity), ['capacity', 'over']);
  });

  it('shows the new figures after an edit that keeps the layout', async () => {
    const example = EXAMPLES.find((e) => e.name === 'ee-multiple-server')!;
    const before = parseSvg((await draw(example.text)).svg);
    const after = parseSvg((await draw(example.text.replace('concurrentUsers: 72000', 'concurrentUsers: 61000'))).svg);
    assert.equal(figuresOf(after, 'pc:pchat').figures?.text, '61,000 / 80,000 users');
    assert.deepEqual(frameOf(nodeGroups(after).find((n) => n.attrs['data-id'] === 'pc:pchat')!), frameOf(nodeGroups(before).find((n) => n.attrs['data-id'] === 'pc:pchat')!));
  });

  it('a pool with no planned users: its capacity alone', () => {
    const { figures } = figuresOf(drawings.get('ee-single-server')!.root, 'pc:pchat');
    assert.equal(figures?.text, 'capacity 20,000 users');
  });

  for (const example of EXAMPLES) {
    it(`${example.path}: every pool's figures fit inside the pool, below its bar`, () => {
      const { model, root } = drawings.get(example.name)!;
      for (const pool of model.nodes.filter((n) => n.capacity)) {
        const frame = frameOf(nodeGroups(root).find((n) => n.attrs['data-id'] === pool.id)!);
        const { capacity, figures } = figuresOf(root, pool.id);
        assert.ok(figures, `${pool.id} has no figures`);
        const bar = capacity.children.find((c) => c.attrs.class?.startsWith('track'))!;
        const [x, y] = [Number(figures.attrs.x), Number(figures.attrs.y)];
        assert.ok(y > Number(bar.attrs.y) + Number(bar.attrs.height), `${pool.id}: figures at y=${y}, under the bar at ${bar.attrs.y}`);
        assert.ok(y < frame.y + frame.height && x + figures.text.length * 6 < frame.x + frame.width, `${pool.id}: figures inside ${JSON.stringify(frame)}`);
        const children = model.nodes.filter((n) => n.parent === pool.id).map((n) => frameOf(nodeGroups(root).find((g) => g.attrs['data-id'] === n.id)!));
        for (const child of children) assert.ok(child.y > y, `${pool.id}: a box inside it at y=${child.y} covers the figures at ${y}`);
      }
    });
  }
});

describe('servers appear in file order', () => {
  const stackedKinds = ['frontEndServer', 'persistentChatServer', 'dataCenter'];

  for (const example of EXAMPLES) {
    it(`${example.path}: in each pool and data center, top to bottom as the file lists them, aligned`, () => {
      const { model, root } = drawings.get(example.name)!;
      const frames = new Map(nodeGroups(root).map((g) => [g.attrs['data-id'], frameOf(g)]));
      const servers = model.nodes.filter((n) => n.kind === 'frontEndServer' || n.kind === 'persistentChatServer');
      const byLine = [...servers].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      assert.deepEqual(servers.map((s) => s.id), byLine.map((s) => s.id), 'the model lists the servers in file order');
      const holders = new Set(model.nodes.filter((n) => stackedKinds.includes(n.kind)).map((n) => n.parent!));
      for (const holder of holders) {
        const stack: DiagramNode[] = model.nodes.filter((n) => n.parent === holder);
        const boxes = stack.map((n) => frames.get(n.id)!);
        boxes.slice(1).forEach((box, i) => {
          assert.ok(box.y >= boxes[i].y + boxes[i].height, `${holder}: ${stack[i + 1].id} at y=${box.y} is not below ${stack[i].id} (${boxes[i].y}+${boxes[i].height})`);
          assert.equal(box.x, boxes[i].x, `${holder}: ${stack[i + 1].id} aligned with ${stack[i].id}`);
          assert.equal(box.width, boxes[i].width, `${holder}: ${stack[i + 1].id} as wide as ${stack[i].id}`);
        });
      }
    });
  }

  it('follows the file, not the names: Front End servers listed fe03, fe01, fe02 are drawn so', async () => {
    const example = EXAMPLES.find((e) => e.name === 'ee-multiple-server')!;
    const text = example.text.replace(
      '      - fe01.corp.contoso.com\n      - fe02.corp.contoso.com\n      - fe03.corp.contoso.com\n',
      '      - fe03.corp.contoso.com\n      - fe01.corp.contoso.com\n      - fe02.corp.contoso.com\n',
    );
    assert.notEqual(text, example.text);
    const root = parseSvg((await draw(text)).svg);
    const top = (label: string) => frameOf(nodeGroups(root).find((n) => textOf(n, 'title') === label)!).y;
    const order = ['fe01', 'fe02', 'fe03'].map((s) => `${s}.corp.contoso.com`).sort((a, b) => top(a) - top(b));
    assert.deepEqual(order, ['fe03', 'fe01', 'fe02'].map((s) => `${s}.corp.contoso.com`));
  });

  it('ee-multiple-server: pc01 to pc04 in Seattle, then pc05 and pc06 in Portland, top to bottom', () => {
    const { root } = drawings.get('ee-multiple-server')!;
    const servers = nodeGroups(root).filter((n) => classesOf(n)[1] === 'persistentChatServer');
    const labels = servers.sort((a, b) => frameOf(a).y - frameOf(b).y).map((n) => textOf(n, 'title'));
    assert.deepEqual(labels, ['pc01', 'pc02', 'pc03', 'pc04', 'pc05', 'pc06'].map((s) => `${s}.corp.contoso.com`));
  });
});

describe('file stores are linked to the pools that use them', () => {
  interface PoolEntry {
    id: string;
    fileStore?: string;
  }

  for (const example of EXAMPLES) {
    it(`${example.path}: one file store link from each Front End and Persistent Chat pool naming a file store that exists`, () => {
      const { model, root } = drawings.get(example.name)!;
      const yaml = parse(example.text) as { fileStores?: { id: string }[]; frontEndPools?: PoolEntry[]; persistentChatPools?: PoolEntry[] };
      const stores = new Set((yaml.fileStores ?? []).map((s) => s.id));
      const expected = [
        ...(yaml.frontEndPools ?? []).filter((p) => p.fileStore && stores.has(p.fileStore)).map((p) => `fe:${p.id} → fs:${p.fileStore}`),
        ...(yaml.persistentChatPools ?? []).filter((p) => p.fileStore && stores.has(p.fileStore)).map((p) => `pc:${p.id} → fs:${p.fileStore}`),
      ];
      const drawn = edgeGroups(root).filter((e) => classesOf(e)[1] === 'fileStore').map((e) => `${e.attrs['data-source']} → ${e.attrs['data-target']}`);
      assert.deepEqual(drawn.sort(), expected.sort());
      for (const store of stores) assert.ok(model.nodes.some((n) => n.id === `fs:${store}` && n.kind === 'fileStore'), `no node for file store ${store}`);
    });
  }

  it('ee-multiple-server: the Front End pool and the Persistent Chat pool both link to fs, in the file store colour', () => {
    const { root } = drawings.get('ee-multiple-server')!;
    const links = edgeGroups(root).filter((e) => classesOf(e)[1] === 'fileStore');
    assert.deepEqual(links.map((e) => e.attrs['data-id']).sort(), ['fe:fe-redmond->fileStore', 'pc:pchat->fileStore']);
    for (const link of links) {
      assert.equal(link.attrs['data-target'], 'fs:fs');
      assert.equal(link.children.find((c) => c.name === 'path')!.attrs.stroke, PALETTES.light.fileStore);
    }
  });
});
