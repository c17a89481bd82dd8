import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { DiagramModel } from '../../server/src/service/features/diagramModel';
import {
  classesOf,
  dataRange,
  descendants,
  draw,
  edgeGroups,
  examples,
  expectedCounts,
  frameOf,
  nodeGroups,
  parseSvg,
  REPO,
  type Drawing,
  type SvgElement,
} from './svgDocument';

const EXAMPLES = examples();
const drawings = new Map<string, Drawing>();

before(async () => {
  for (const example of EXAMPLES) drawings.set(example.name, await draw(example.text));
});

function drawing(name: string): Drawing & { root: SvgElement } {
  const d = drawings.get(name);
  assert.ok(d, `no example ${name}`);
  return { ...d, root: parseSvg(d.svg) };
}

function nodeById(root: SvgElement, id: string): SvgElement {
  const node = nodeGroups(root).find((n) => n.attrs['data-id'] === id);
  assert.ok(node, `no node ${id}`);
  return node;
}

function headerOf(root: SvgElement): string {
  const header = [...descendants(root)].find((e) => e.name === 'text' && e.attrs.class === 'header');
  assert.ok(header, 'no header');
  return header.text;
}

const inside = (inner: ReturnType<typeof frameOf>, outer: ReturnType<typeof frameOf>) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

describe('renderDiagramSvg: every example draws a well-formed SVG with one group per model node and edge', () => {
  for (const example of EXAMPLES) {
    describe(example.path, () => {
      it('is one balanced <svg> document', () => {
        const { svg } = drawings.get(example.name)!;
        assert.ok(svg.startsWith('<svg'), `starts with ${JSON.stringify(svg.slice(0, 20))}`);
        const root = parseSvg(svg);
        assert.equal(root.name, 'svg');
        assert.equal(root.attrs.xmlns, 'http://www.w3.org/2000/svg');
        const [width, height] = [Number(root.attrs.width), Number(root.attrs.height)];
        assert.ok(width > 0 && height > 0, `size ${root.attrs.width}×${root.attrs.height}`);
        assert.equal(root.attrs.viewBox, `0 0 ${width} ${height}`);
        assert.doesNotMatch(svg, /NaN|undefined|Infinity/);
      });

      it('has exactly one node group per model node, each id once, with the model range and classes', () => {
        const { model, root, svg } = drawing(example.name);
        assert.equal(svg.match(/<g class="node[ "]/g)?.length ?? 0, model.nodes.length, 'node groups');
        const groups = nodeGroups(root);
        assert.equal(groups.length, model.nodes.length);
        for (const node of model.nodes) {
          const matching = groups.filter((g) => g.attrs['data-id'] === node.id);
          assert.equal(matching.length, 1, `data-id ${node.id} appears ${matching.length} times`);
          const [g] = matching;
          const classes = classesOf(g);
          assert.equal(classes[1], node.kind, node.id);
          if (node.state) assert.ok(classes.includes(node.state), `${node.id} lacks class ${node.state}`);
          for (const severity of ['error', 'warning', 'information', 'hint'])
            assert.equal(classes.includes(severity), node.severity === severity, `${node.id}: class ${severity} (severity ${node.severity})`);
          assert.equal(g.attrs['data-range'], dataRange(node.range), node.id);
          assert.equal(g.attrs.tabindex, '0', node.id);
          const title = g.children.find((c) => c.name === 'text' && c.attrs.class === 'title');
          assert.equal(title?.text, node.label, node.id);
        }
      });

      it('has exactly one edge group per model edge, between drawn nodes, with a finite path', () => {
        const { model, root, svg } = drawing(example.name);
        assert.equal(svg.match(/<g class="edge[ "]/g)?.length ?? 0, model.edges.length, 'edge groups (an edge ELK dropped is missing here)');
        const groups = edgeGroups(root);
        const ids = new Set(nodeGroups(root).map((n) => n.attrs['data-id']));
        for (const edge of model.edges) {
          const matching = groups.filter((g) => g.attrs['data-id'] === edge.id);
          assert.equal(matching.length, 1, `edge ${edge.id} appears ${matching.length} times`);
          const [g] = matching;
          assert.deepEqual(classesOf(g), ['edge', edge.kind]);
          assert.equal(g.attrs['data-source'], edge.source);
          assert.equal(g.attrs['data-target'], edge.target);
          assert.ok(ids.has(edge.source) && ids.has(edge.target), `${edge.id} joins ${edge.source} → ${edge.target}`);
          const path = g.children.find((c) => c.name === 'path');
          assert.match(path?.attrs.d ?? '', /^M-?\d+(\.\d+)?,-?\d+(\.\d+)?( L-?\d+(\.\d+)?,-?\d+(\.\d+)?)+$/, edge.id);
          const label = g.children.find((c) => c.name === 'text');
          assert.equal(label?.text, edge.label, `${edge.id} label`);
        }
      });

      it('places every node inside the drawing and inside the node that holds it', () => {
        const { model, root } = drawing(example.name);
        const canvas = { x: 0, y: 0, width: Number(root.attrs.width), height: Number(root.attrs.height) };
        const frames = new Map(nodeGroups(root).map((g) => [g.attrs['data-id'], frameOf(g)]));
        for (const node of model.nodes) {
          const frame = frames.get(node.id)!;
          assert.ok(frame.width > 0 && frame.height > 0, `${node.id} is ${frame.width}×${frame.height}`);
          assert.ok(inside(frame, canvas), `${node.id} ${JSON.stringify(frame)} outside the ${canvas.width}×${canvas.height} drawing`);
          if (node.parent) assert.ok(inside(frame, frames.get(node.parent)!), `${node.id} ${JSON.stringify(frame)} outside its parent ${node.parent} ${JSON.stringify(frames.get(node.parent))}`);
        }
      });

      it('counts the findings in the header', () => {
        const { findings, model, root } = drawing(example.name);
        assert.equal(headerOf(root), `${model.title} — ${expectedCounts(findings)}`);
      });
    });
  }
});

describe('renderDiagramSvg: what the examples show', () => {
  it('too-many-active: the fifth active server and the pool are outlined as errors; the header says 2 errors', () => {
    const { root, model } = drawing('too-many-active');
    const pc5 = nodeGroups(root).filter((n) => n.children.some((c) => c.attrs.class === 'title' && c.text === 'pc5.corp.woodgrove.com'));
    assert.equal(pc5.length, 1);
    assert.ok(classesOf(pc5[0]).includes('error'), classesOf(pc5[0]).join(' '));
    assert.ok(classesOf(pc5[0]).includes('persistentChatServer'));
    assert.ok(classesOf(nodeById(root, 'pc:pchat')).includes('error'), 'PC207 (capacity) lands on the pool');
    for (const ok of ['pc1', 'pc2', 'pc3', 'pc4']) {
      const node = model.nodes.find((n) => n.label === `${ok}.corp.woodgrove.com`)!;
      assert.deepEqual(classesOf(nodeById(root, node.id)), ['node', 'persistentChatServer', 'active']);
    }
    assert.equal(headerOf(root), 'Woodgrove — 2 errors');
    assert.ok([...descendants(nodeById(root, 'pc:pchat'))].some((e) => e.attrs.class === 'capacity over'), 'the capacity bar shows the overload');
  });

  it('pchat-db-with-back-end: the node carrying PC105 is outlined as a warning', () => {
    const { root, model } = drawing('pchat-db-with-back-end');
    const carriers = model.nodes.filter((n) => n.messages.some((m) => m.startsWith('PC105:')));
    assert.equal(carriers.length, 1);
    assert.ok(classesOf(nodeById(root, carriers[0].id)).includes('warning'));
    assert.equal(nodeGroups(root).filter((n) => classesOf(n).includes('warning')).length, 1);
    assert.equal(headerOf(root), 'Lucerne — 1 warning');
  });

  describe('ee-multiple-server', () => {
    const pool = 'pc:pchat';
    it('draws the Seattle and Portland data centers inside the pool, with the servers in theirs', () => {
      const { root, model } = drawing('ee-multiple-server');
      const centers = nodeGroups(root).filter((n) => classesOf(n).includes('dataCenter'));
      assert.deepEqual(centers.map((c) => c.attrs['data-id']).sort(), [`${pool}/dc:portland`, `${pool}/dc:seattle`]);
      for (const center of centers) {
        assert.equal(model.nodes.find((n) => n.id === center.attrs['data-id'])!.parent, pool);
        assert.ok(inside(frameOf(center), frameOf(nodeById(root, pool))));
      }
      const servers = model.nodes.filter((n) => n.kind === 'persistentChatServer');
      assert.equal(servers.length, 6);
      for (const server of servers) {
        const center = /pc0[1-4]/.test(server.label) ? 'seattle' : 'portland';
        assert.equal(server.parent, `${pool}/dc:${center}`, server.label);
        assert.ok(inside(frameOf(nodeById(root, server.id)), frameOf(nodeById(root, `${pool}/dc:${center}`))), `${server.label} drawn inside ${center}`);
      }
    });

    it('marks the two Portland servers standby and the four Seattle ones active', () => {
      const { root } = drawing('ee-multiple-server');
      const servers = nodeGroups(root).filter((n) => classesOf(n).includes('persistentChatServer'));
      const label = (n: SvgElement) => n.children.find((c) => c.attrs.class === 'title')!.text;
      assert.deepEqual(servers.filter((n) => classesOf(n).includes('standby')).map(label).sort(), ['pc05.corp.contoso.com', 'pc06.corp.contoso.com']);
      assert.deepEqual(servers.filter((n) => classesOf(n).includes('active')).map(label).sort(), ['pc01', 'pc02', 'pc03', 'pc04'].map((s) => `${s}.corp.contoso.com`));
    });

    it('links the pool to its next hop with SIP 5041, and draws the mirror and log-shipping links', () => {
      const { root } = drawing('ee-multiple-server');
      const edges = edgeGroups(root);
      const of = (kind: string) => edges.filter((e) => classesOf(e).includes(kind));
      const [hop, ...more] = of('nextHop');
      assert.equal(more.length, 0);
      assert.equal(hop.attrs['data-source'], pool);
      assert.equal(hop.attrs['data-target'], 'fe:fe-redmond');
      assert.equal(hop.children.find((c) => c.name === 'text')?.text, 'SIP 5041');
      assert.deepEqual(of('mirror').map((e) => `${e.attrs['data-source']} → ${e.attrs['data-target']}`).sort(), [
        'sql:sqlcomp01.corp.contoso.com/PCHATCOMP → sql:sqlcomp02.corp.contoso.com/PCHATCOMP',
        'sql:sqlpc01.corp.contoso.com/PCHAT → sql:sqlpc02.corp.contoso.com/PCHAT',
        'sql:sqlpc11.corp.contoso.com/PCHAT → sql:sqlpc12.corp.contoso.com/PCHAT',
      ]);
      const shipping = of('logShipping');
      assert.deepEqual(shipping.map((e) => `${e.attrs['data-source']} → ${e.attrs['data-target']}`), ['sql:sqlpc01.corp.contoso.com/PCHAT → sql:sqlpc11.corp.contoso.com/PCHAT']);
      assert.equal(shipping[0].children.find((c) => c.name === 'text')?.text, 'log shipping');
    });

    it('says no problems in the header', () => {
      assert.equal(headerOf(drawing('ee-multiple-server').root), 'Contoso production — no problems');
    });
  });

  it('escapes markup in names: a hostile topology name and site name stay text', async () => {
    const text = readFileSync(join(REPO, 'examples', 'ee-multiple-server.topology.yaml'), 'utf8')
      .replace('topology: Contoso production', `topology: 'A <script>alert(1)</script> & "B"'`)
      .replace('name: Redmond HQ', `name: '<img src=x onerror=alert(1)> & co'`);
    const { svg, model, findings } = await draw(text);
    const root = parseSvg(svg);
    assert.match(svg, /A &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;B&quot;/);
    assert.equal(headerOf(root), `A <script>alert(1)</script> & "B" — ${expectedCounts(findings)}`);
    assert.equal(nodeById(root, 'site:redmond').children.find((c) => c.attrs.class === 'title')?.text, '<img src=x onerror=alert(1)> & co');
    assert.equal([...descendants(root)].filter((e) => e.name === 'script' || e.name === 'img').length, 0);
    assert.equal(nodeGroups(root).length, model.nodes.length);
  });

  it('lays out the same example the same way twice', async () => {
    const example = EXAMPLES.find((e) => e.name === 'ee-multiple-server')!;
    assert.equal((await draw(example.text)).svg, drawings.get('ee-multiple-server')!.svg);
  });
});

describe('pchat-topology render (the built CLI)', () => {
  const BIN = join(REPO, 'bin', 'pchat-topology.js');
  let dir: string;
  before(() => {
    assert.ok(existsSync(join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` first');
    dir = mkdtempSync(join(tmpdir(), 'pchat-render-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  const poolIds = (text: string): string[] => ((parse(text)?.persistentChatPools ?? []) as { id: string }[]).map((p) => p.id);
  const summary = (model: DiagramModel) => `${model.nodes.length} entities, ${model.edges.length} links, ${model.counts.error} error(s), ${model.counts.warning} warning(s).`;

  // Each run starts a process that loads the bundle (about a second), so a few examples that differ: two pools,
  // a stretched pool with mirrors and log shipping, findings, and a broken reference.
  const CLI_EXAMPLES = ['two-pchat-dbs-one-instance', 'ee-multiple-server', 'too-many-active', 'broken-references'];

  it(`writes the in-process drawing, with every Persistent Chat pool id in it (${CLI_EXAMPLES.join(', ')})`, async () => {
    await Promise.all(
      EXAMPLES.filter((e) => CLI_EXAMPLES.includes(e.name)).map(async (example) => {
        const out = join(dir, `${example.name}.svg`);
        const result = await run(['render', example.path, '-o', out]);
        assert.equal(result.status, 0, `${example.path}: ${result.stderr}`);
        const { model, svg } = drawings.get(example.name)!;
        assert.equal(result.stderr.trim(), `${out}: ${summary(model)}`);
        const written = readFileSync(out, 'utf8');
        const ids = poolIds(example.text);
        assert.ok(ids.length > 0, `${example.path} has no Persistent Chat pool`);
        for (const id of ids) {
          assert.ok(written.includes(`data-id="pc:${id}"`), `${example.path}: pool ${id} missing from the file`);
          assert.ok(written.includes(`>Persistent Chat pool ${id}</text>`), `${example.path}: pool ${id} label missing`);
        }
        assert.equal(nodeGroups(parseSvg(written)).length, model.nodes.length);
        assert.equal(written, svg, `${example.path}: the CLI draws what the preview draws (stale dist/? run npm run build)`);
      }),
    );
  });

  it('writes to stdout with -o -, and needs -o', async () => {
    const [toStdout, missing] = await Promise.all([run(['render', 'examples/se-next-hop.topology.yaml', '-o', '-']), run(['render', 'examples/se-next-hop.topology.yaml'])]);
    assert.equal(toStdout.status, 0);
    assert.ok(toStdout.stdout.startsWith('<svg'));
    assert.ok(toStdout.stdout.includes('data-id="pc:pchat"'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /render needs -o <out\.svg>/);
  });
});
