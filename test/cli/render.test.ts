import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readExample } from '../helpers';
import { cli, tempDir } from './spawnCli';

const YAML_SYNTAX_ERROR = 'topology: Broken\nsites: [\n';

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

const textLines = (svg: string, className: string) => [...svg.matchAll(new RegExp(`<text class="${className}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => decode(m[1]));

/** The words of the SVG's text elements, entities decoded, and its size. */
function svgText(svg: string): { heading: string; reason: string; width: string; height: string } {
  return { heading: textLines(svg, 'heading').join(' '), reason: textLines(svg, 'reason').join(' '), width: /width="(\d+)"/.exec(svg)![1], height: /height="(\d+)"/.exec(svg)![1] };
}

function firstMessage(text: string): string {
  const run = cli(['check', '-', '--format', 'json'], { input: text });
  return (JSON.parse(run.stdout) as { diagnostics: { message: string }[] }[])[0].diagnostics[0].message;
}

describe('pchat-topology render: a file that cannot be drawn', () => {
  it('a YAML syntax error: an SVG that states the reason with its line:col, and exit 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.topology.yaml'), YAML_SYNTAX_ERROR);
    const run = cli(['render', 'broken.topology.yaml', '-o', 'broken.svg'], { cwd: dir });
    assert.equal(run.status, 1);
    const message = firstMessage(YAML_SYNTAX_ERROR);
    assert.equal(run.stderr, `broken.topology.yaml:3:1 error PC001 ${message}\nbroken.svg: broken.topology.yaml cannot be drawn; the SVG says why.\n`);
    const text = svgText(readFileSync(join(dir, 'broken.svg'), 'utf8'));
    assert.deepEqual(text, { heading: 'Cannot draw broken.topology.yaml', reason: `3:1 PC001 ${message}`, width: '800', height: text.height });
    assert.ok(Number(text.height) > 60, `height ${text.height}: not the 10-pixel blank of an empty drawing`);
  });
  it('not a topology: the first PC002 message, and the name XML-escaped', () => {
    const input = 'hello: world\n';
    const run = cli(['render', '-', '-o', '-', '--stdin-filename', 'a<b>&"c".topology.yaml'], { input });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /<text class="heading" x="20" y="36">Cannot draw a&lt;b&gt;&amp;&quot;c&quot;\.topology\.yaml<\/text>/);
    assert.equal(svgText(run.stdout).reason, `1:1 PC002 ${firstMessage(input)}`);
  });
  it('wraps a long reason into lines that fit the width, and escapes it', () => {
    const input = 'topology: Empty\ndomain: y\nsites: []\n';
    const svg = cli(['render', '-', '-o', '-'], { input }).stdout;
    const lines = textLines(svg, 'reason');
    assert.ok(lines.length > 1);
    assert.ok(lines.every((l) => l.length <= 90), lines.join('\n'));
    assert.match(svg, /&quot;y&quot; is not\./);
    assert.equal(svgText(svg).reason, `2:9 PC002 ${firstMessage(input)}`);
  });
});

describe('pchat-topology render: a drawable file', () => {
  it('still exits 0 with the drawing', () => {
    const out = join(tempDir(), 'out.svg');
    const run = cli(['render', 'examples/se-next-hop.topology.yaml', '-o', out]);
    assert.equal(run.status, 0);
    assert.match(run.stderr, /^.*out\.svg: \d+ entities, \d+ links, 0 error\(s\), 0 warning\(s\)\.\n$/);
    assert.match(readFileSync(out, 'utf8'), /class="pchat-diagram"/);
  });
  it('even when it has errors', () => {
    const run = cli(['render', '-', '-o', '-'], { input: readExample('invalid/too-many-active.topology.yaml') });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /class="pchat-diagram"/);
  });
});
