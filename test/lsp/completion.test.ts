import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { REPO } from '../helpers';
import type { LspClient } from './lspClient';
import { codesIn, example, openAndWait, pos, startServer } from './util';

const schema = JSON.parse(readFileSync(join(REPO, 'schemas', 'topology.schema.json'), 'utf8'));
const EE_STORES = ['sql-be', 'sql-pc', 'sql-pc-mirror', 'sql-pc-dr', 'sql-pc-dr-mirror', 'sql-comp', 'sql-comp-mirror'];

describe('LSP completion', () => {
  let client: LspClient;
  before(async () => {
    client = await startServer();
  });
  after(() => client.shutdown());

  /** Opens `text` and asks for completion at `position`. */
  async function completeIn(tag: string, text: string, position: Position): Promise<CompletionItem[]> {
    const { uri } = await openAndWait(client, tag, text);
    const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(result, 'no completion result');
    return Array.isArray(result) ? result : result.items;
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label).sort();

  it('after "nextHop: " offers exactly the Front End pool ids', async () => {
    // Two Front End pools; the value is being typed.
    const text = example('invalid/alwayson-and-shared-instance.topology.yaml').replace('nextHop: fe-hq\n', 'nextHop: \n');
    const items = await completeIn('nexthop', text, pos(text, 'nextHop: ', 9));
    assert.deepEqual(labels(items), ['fe-branch', 'fe-hq']);
    for (const item of items) {
      assert.equal(item.kind, 18, 'kind Reference');
      assert.equal(item.insertText ?? item.label, item.label);
    }
  });

  it('after "nextHop: " with the old value still there, the same ids are offered', async () => {
    const text = example('ee-multiple-server.topology.yaml');
    const items = await completeIn('nexthop-typed', text, pos(text, 'nextHop: fe-redmond', 9));
    assert.deepEqual(labels(items), ['fe-redmond']);
  });

  it('after "store: " in a database map offers the SQL store ids', async () => {
    const text = example('ee-multiple-server.topology.yaml').replace('      store: sql-pc\n', '      store: \n');
    const items = await completeIn('store', text, pos(text, '      store: \n', 13));
    assert.deepEqual(labels(items), [...EE_STORES].sort());
    assert.ok(items.every((i) => i.kind === 18));
  });

  it('after "deployment: " offers single-server and multiple-server', async () => {
    const text = example('ee-multiple-server.topology.yaml').replace('deployment: multiple-server\n', 'deployment: \n');
    const items = await completeIn('deployment', text, pos(text, 'deployment: ', 12));
    assert.deepEqual(labels(items), ['multiple-server', 'single-server']);
  });

  it('at a new key line in a Persistent Chat pool offers only the keys not yet present, with documentation', async () => {
    // The se-next-hop pool has every key but sipPort, poolPort, provisionedUsers, accessControlEntries, invitations and timeZone.
    const text = example('se-next-hop.topology.yaml').replace('    nextHop: se\n', '    nextHop: se\n    \n');
    const items = await completeIn('new-key', text, pos(text, 'nextHop: se\n    ', 16));
    assert.deepEqual(labels(items), ['accessControlEntries', 'invitations', 'poolPort', 'provisionedUsers', 'sipPort', 'timeZone']);
    const properties = schema.definitions.persistentChatPool.properties;
    for (const item of items) {
      assert.equal(item.kind, 10, 'kind Property');
      const documentation = item.documentation as MarkupContent;
      assert.equal(documentation?.kind, 'markdown');
      assert.equal(documentation.value, properties[item.label].description);
      assert.ok(item.insertText?.startsWith(`${item.label}:`), item.insertText);
    }
  });

  it('at a new key line with a few letters typed, keys already present are still left out', async () => {
    const text = example('ee-multiple-server.topology.yaml').replace('    sipPort: 5041\n', '    s\n');
    const items = await completeIn('new-key-partial', text, pos(text, '    s\n', 5));
    assert.deepEqual(labels(items), ['accessControlEntries', 'invitations', 'sipPort', 'timeZone']);
  });

  it("at a new '- ' item under persistentChatPools offers the 'New Persistent Chat pool' snippet", async () => {
    const text = example('ee-multiple-server.topology.yaml').replace('    fileStore: fs\n\nadminConsoles:', '    fileStore: fs\n  - \n\nadminConsoles:');
    const items = await completeIn('new-pool', text, pos(text, '\n  - \n', 5));
    const snippet = items.find((i) => i.label === 'New Persistent Chat pool');
    assert.ok(snippet, `no snippet among ${JSON.stringify(labels(items))}`);
    assert.equal(snippet.insertTextFormat, 2, 'a snippet');
    assert.equal(snippet.kind, 15, 'kind Snippet');
    const body = snippet.insertText ?? '';
    assert.match(body, /^id: \$\{1:[^}]+\}/);
    assert.ok(!body.startsWith('id: ${1:pchat}'), `the proposed id must not be taken: ${body}`);
    assert.match(body, /nextHop: \$\{\d+:fe-redmond\}/, 'the next hop placeholder is an existing Front End pool');
    assert.match(body, /servers:\n {2}- fqdn: /);
  });

  it('in a half-typed document with a syntax error elsewhere still offers ids', async () => {
    const text = example('ee-multiple-server.topology.yaml')
      .replace('    name: Redmond HQ\n', '    name: Redmond: HQ\n')
      .replace('nextHop: fe-redmond\n', 'nextHop: \n')
      .replace('      store: sql-pc\n', '      store: \n');
    const { uri, diagnostics } = await openAndWait(client, 'half-typed', text);
    assert.ok(codesIn(diagnostics).includes('PC001'), `the text should not parse: ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    const complete = (position: Position) => client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    assert.deepEqual(labels(await complete(pos(text, 'nextHop: ', 9))), ['fe-redmond']);
    assert.deepEqual(labels(await complete(pos(text, '      store: \n', 13))), [...EE_STORES].sort());
  });

  it('in a document cut off while typing still offers ids', async () => {
    const full = example('ee-multiple-server.topology.yaml');
    const text = full.slice(0, full.indexOf('nextHop: fe-redmond') + 'nextHop: '.length);
    const items = await completeIn('cut-off', text, pos(text, 'nextHop: ', 9));
    assert.deepEqual(labels(items), ['fe-redmond']);
  });
});
