import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { RULES } from '../../server/src/service/languageService';
import { REPO } from '../helpers';
import type { LspClient } from './lspClient';
import { example, openAndWait, pos, rangeOf, startServer, textIn } from './util';

const schema = JSON.parse(readFileSync(join(REPO, 'schemas', 'topology.schema.json'), 'utf8'));

describe('LSP hover', () => {
  let client: LspClient;
  const ee = example('ee-multiple-server.topology.yaml');
  const se = example('se-sql-express.topology.yaml');
  let eeUri: string;
  let seUri: string;

  before(async () => {
    client = await startServer();
    eeUri = (await openAndWait(client, 'hover-ee', ee)).uri;
    seUri = (await openAndWait(client, 'hover-se', se)).uri;
  });
  after(() => client.shutdown());

  async function hoverAt(uri: string, position: Position): Promise<{ markdown: string; hover: Hover }> {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(hover, `no hover at ${JSON.stringify(position)}`);
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    return { markdown: contents.value, hover };
  }

  const includesAll = (markdown: string, parts: string[]) => {
    for (const part of parts) assert.ok(markdown.includes(part), `hover lacks '${part}':\n${markdown}`);
  };

  it('on a Persistent Chat pool id: servers by state, capacity, planned users and their share', async () => {
    const { markdown, hover } = await hoverAt(eeUri, pos(ee, 'id: pchat', 6));
    includesAll(markdown, ['pchat', '4 active', '2 standby', '80,000', '72,000', '(90%)']);
    assert.deepEqual(hover.range, rangeOf(ee, 'pchat', 0), 'the range is the id');
    assert.equal(textIn(ee, hover.range!), 'pchat');
    // Where the pool sends its traffic, and where its databases are.
    includesAll(markdown, ['fe-redmond', 'sqlpc01.corp.contoso.com\\PCHAT']);
  });

  it('on a Persistent Chat server: its pool and its state', async () => {
    const standby = await hoverAt(eeUri, pos(ee, '- fqdn: pc05.corp.contoso.com', 10));
    includesAll(standby.markdown, ['pc05.corp.contoso.com', 'standby', '`pchat`', 'portland']);
    assert.equal(textIn(ee, standby.hover.range!), 'pc05.corp.contoso.com');
    const active = await hoverAt(eeUri, pos(ee, '- fqdn: pc01.corp.contoso.com', 10));
    includesAll(active.markdown, ['pc01.corp.contoso.com', 'active server of pool `pchat`', 'a dedicated server']);
    assert.ok(!active.markdown.includes('standby'), active.markdown);
  });

  it('on a Persistent Chat server on the Standard Edition server: the collocation', async () => {
    const { markdown } = await hoverAt(seUri, pos(se, '- fqdn: lync01.litware.local', 10));
    includesAll(markdown, ['lync01.litware.local', '`pchat`', 'collocated on Standard Edition server', '`se`']);
  });

  it('on a SQL store id: the databases it hosts', async () => {
    const pc = await hoverAt(eeUri, pos(ee, 'id: sql-pc\n', 5));
    includesAll(pc.markdown, ['sql-pc', 'sqlpc01.corp.contoso.com\\PCHAT', 'Persistent Chat database of Persistent Chat pool', 'pchat']);
    const mirror = await hoverAt(eeUri, pos(ee, 'id: sql-pc-mirror', 5));
    includesAll(mirror.markdown, ['mirror of the Persistent Chat database of Persistent Chat pool']);
    const comp = await hoverAt(eeUri, pos(ee, 'id: sql-comp\n', 5));
    includesAll(comp.markdown, ['compliance database of Persistent Chat pool']);
    const backEnd = await hoverAt(eeUri, pos(ee, 'id: sql-be', 5));
    includesAll(backEnd.markdown, ['back-end database of Front End pool', 'fe-redmond']);
  });

  it('on a reference (nextHop value): a summary of the Front End pool', async () => {
    const { markdown, hover } = await hoverAt(eeUri, pos(ee, 'nextHop: fe-redmond', 12));
    includesAll(markdown, ['Front End pool', 'fe-redmond', 'pool01.corp.contoso.com', '3 Front End server', 'sql-be', '`pchat`']);
    assert.equal(textIn(ee, hover.range!), 'fe-redmond');
  });

  it('on a key: the JSON Schema description and the allowed values', async () => {
    const { markdown, hover } = await hoverAt(eeUri, pos(ee, 'deployment: multiple-server', 3));
    const deployment = schema.definitions.persistentChatPool.properties.deployment;
    includesAll(markdown, ['deployment', deployment.description, 'single-server', 'multiple-server']);
    assert.match(markdown, /Allowed: `single-server` · `multiple-server`/);
    assert.equal(textIn(ee, hover.range!), 'deployment');

    const state = await hoverAt(eeUri, pos(ee, 'state: standby', 2));
    includesAll(state.markdown, [schema.definitions.pchatServer.properties.state.description, 'active', 'standby']);
  });

  it("inside a finding: the rule id, its title, Microsoft's sentence and page, and a link to its docs page", async () => {
    const text = example('invalid/pchat-db-with-back-end.topology.yaml');
    const { uri, diagnostics } = await openAndWait(client, 'hover-finding', text);
    const [finding] = diagnostics;
    assert.equal(finding.code, 'PC105');
    const { markdown } = await hoverAt(uri, { line: finding.range.start.line, character: finding.range.start.character + 2 });
    const title = readFileSync(join(REPO, 'docs', 'rules', 'PC105.md'), 'utf8').split('\n')[0].replace(/^# PC105: /, '');
    const rule = RULES.find((r) => r.id === 'PC105')!;
    const [page] = rule.sources;
    includesAll(markdown, ['PC105', title, `> ${rule.quote}`, `[${page.title}](${page.url}) (Lync Server 2013)`]);
    const link = /\[PC105 docs\]\(([^)]+)\)/.exec(markdown);
    assert.ok(link, `no docs link in:\n${markdown}`);
    assert.equal(link[1], finding.codeDescription?.href);
    assert.ok(link[1].endsWith('docs/rules/PC105.md'));
  });

  it('inside a finding of a rule of ours: the sentence that says so, and no Microsoft page', async () => {
    const text = example('invalid/broken-references.topology.yaml');
    const { uri, diagnostics } = await openAndWait(client, 'hover-finding-ours', text);
    const finding = diagnostics.find((d) => d.code === 'PC004')!;
    const { markdown } = await hoverAt(uri, { line: finding.range.start.line, character: finding.range.start.character + 1 });
    const rule = RULES.find((r) => r.id === 'PC004')!;
    assert.deepEqual(rule.sources, []);
    const section = markdown.split('\n\n---\n\n').find((part) => part.startsWith('**PC004**'));
    assert.ok(section, `no PC004 section in:\n${markdown}`);
    includesAll(section, [rule.inference!, '[PC004 docs]']);
    assert.doesNotMatch(section, /learn\.microsoft\.com/);
  });

  it('on nothing of interest (a blank line) there is no hover', async () => {
    const blank = ee.split('\n').findIndex((l) => l === '');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: eeUri }, position: { line: blank, character: 0 } });
    assert.equal(hover, null);
  });
});
