import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits } from '../helpers';
import type { LspClient } from './lspClient';
import { codesIn, example, expectedCodes, messageOf, freshUri, invalidExamples, openAndWait, pos, rangeOf, startServer, textIn } from './util';

describe('LSP diagnostics', () => {
  let client: LspClient;
  before(async () => {
    client = await startServer();
  });
  after(() => client.shutdown());

  const only = (diagnostics: Diagnostic[], code: string) => {
    const found = diagnostics.filter((d) => d.code === code);
    assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    return found[0];
  };

  describe('each invalid example publishes exactly the rule ids on its first line', () => {
    for (const { name, text, codes } of invalidExamples()) {
      it(name, async () => {
        const { diagnostics } = await openAndWait(client, name, text);
        assert.deepEqual(codesIn(diagnostics), codes);
        for (const d of diagnostics) {
          assert.match(String(d.code), /^PC\d{3}$/);
          assert.equal(d.source, 'pchat-topology');
          assert.equal(typeof d.message, 'string');
          assert.ok(messageOf(d).length > 0);
          assert.ok([1, 2, 3, 4].includes(d.severity!), `severity ${d.severity}`);
          const href = d.codeDescription?.href ?? '';
          assert.ok(href.endsWith(`docs/rules/${d.code}.md`), href);
          assert.ok(existsSync(fileURLToPath(href)), `the docs link of ${d.code} points at a missing file: ${href}`);
        }
      });
    }
  });

  it('the valid examples publish only what their first line names', async () => {
    for (const name of ['ee-multiple-server.topology.yaml', 'se-sql-express.topology.yaml']) {
      const text = example(name);
      assert.deepEqual(codesIn((await openAndWait(client, name, text)).diagnostics), expectedCodes(text), name);
    }
  });

  it('severities are LSP numbers: error 1, warning 2, hint 4', async () => {
    const grown = await openAndWait(client, 'grown', example('invalid/single-server-grown.topology.yaml'));
    assert.equal(only(grown.diagnostics, 'PC202').severity, 4);
    assert.equal(only(grown.diagnostics, 'PC201').severity, 1);
    const backEnd = await openAndWait(client, 'back-end', example('invalid/pchat-db-with-back-end.topology.yaml'));
    assert.equal(only(backEnd.diagnostics, 'PC105').severity, 2);
  });

  it('PC101 carries relatedInformation at the Enterprise Edition Front End server it collides with', async () => {
    const text = example('invalid/pchat-on-ee-front-end.topology.yaml');
    const { uri, diagnostics } = await openAndWait(client, 'pc101', text);
    const d = only(diagnostics, 'PC101');
    assert.equal(textIn(text, d.range), 'FE02.corp.tailspin.com');
    assert.equal(d.relatedInformation?.length, 1);
    const [related] = d.relatedInformation!;
    assert.equal(related.location.uri, uri);
    assert.deepEqual(related.location.range, rangeOf(text, 'fe02.corp.tailspin.com'));
    assert.match(related.message, /Front End server/);
  });

  it("PC103 carries relatedInformation at the other pool's database store", async () => {
    const text = example('invalid/two-pchat-dbs-one-instance.topology.yaml');
    const { uri, diagnostics } = await openAndWait(client, 'pc103', text);
    const d = only(diagnostics, 'PC103');
    assert.deepEqual(d.range, rangeOf(text, 'sql-pc', 2), 'on the store of the second pool');
    assert.equal(d.relatedInformation?.length, 1);
    const [related] = d.relatedInformation!;
    assert.equal(related.location.uri, uri);
    assert.deepEqual(related.location.range, rangeOf(text, 'sql-pc', 1), 'at the store of the first pool');
    assert.match(related.message, /pchat-a/);
  });

  it('PC108 (ignored compliance stores) is tagged Unnecessary; other findings are not', async () => {
    const text = example('ee-multiple-server.topology.yaml').replace('      enabled: true', '      enabled: false');
    const { diagnostics } = await openAndWait(client, 'pc108', text);
    const d = only(diagnostics, 'PC108');
    assert.deepEqual(d.tags, [1]);
    assert.equal(textIn(text, d.range), 'store: sql-comp\n      mirror: sql-comp-mirror');
    const others = await openAndWait(client, 'untagged', example('invalid/broken-references.topology.yaml'));
    for (const o of others.diagnostics) assert.ok(!o.tags?.includes(1), `${o.code} tagged Unnecessary`);
  });

  it('an incremental change that fixes a fault drops it from the diagnostics of that version', async () => {
    let text = example('invalid/broken-references.topology.yaml');
    const { uri, diagnostics } = await openAndWait(client, 'incremental', text);
    assert.deepEqual(codesIn(diagnostics), ['PC002', 'PC004', 'PC107']);

    const fixHop = { range: { start: pos(text, 'nextHop: fe-pol', 9), end: pos(text, 'nextHop: fe-pol', 15) }, text: 'fe-pool' };
    assert.equal(textIn(text, fixHop.range), 'fe-pol');
    text = applyEdits(text, [{ range: fixHop.range, newText: fixHop.text }]);
    await client.change(uri, 2, [fixHop]);
    const v2 = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(codesIn(v2.diagnostics), ['PC002', 'PC107']);

    // An insertion (empty range): 'stat' becomes 'state'.
    const at = pos(text, 'stat:', 4);
    await client.change(uri, 3, [{ range: { start: at, end: at }, text: 'e' }]);
    const v3 = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.deepEqual(codesIn(v3.diagnostics), ['PC107']);
    // The remaining finding still points at the right place in the edited text.
    text = applyEdits(text, [{ range: { start: at, end: at }, newText: 'e' }]);
    assert.equal(textIn(text, v3.diagnostics[0].range), 'compliance');
  });

  it('a burst of 30 changes: the last version is judged on the final text and no older version is published after it', async () => {
    let text = example('ee-multiple-server.topology.yaml');
    const uri = freshUri('burst');
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);

    const sends: Promise<void>[] = [];
    for (let i = 0; i < 30; i++) {
      const version = i + 2;
      let edit;
      if (i % 2 === 0 || i === 29) {
        // concurrentUsers: 72000 → 81000, 82000, … → finally 85000 (each over the 80,000 limit, with its own message).
        const value = i === 29 ? '85000' : String(81000 + ((i / 2) % 9) * 1000);
        const start = pos(text, 'concurrentUsers: ', 'concurrentUsers: '.length);
        edit = { range: { start, end: { line: start.line, character: start.character + 5 } }, text: value };
      } else {
        // nextHop toggles 14 times between a typo and the real id, ending on the real id.
        const broken = text.includes('nextHop: fe-redmnd');
        const start = pos(text, 'nextHop: ', 'nextHop: '.length);
        const end = { line: start.line, character: start.character + (broken ? 'fe-redmnd' : 'fe-redmond').length };
        edit = { range: { start, end }, text: broken ? 'fe-redmond' : 'fe-redmnd' };
      }
      text = applyEdits(text, [{ range: edit.range, newText: edit.text }]);
      sends.push(client.change(uri, version, [edit]));
    }
    await Promise.all(sends);
    assert.ok(text.includes('concurrentUsers: 85000') && text.includes('nextHop: fe-redmond\n'), 'the final text is as planned');

    const last = await client.waitForDiagnostics(uri, (p) => p.version === 31, 10000);
    assert.deepEqual(codesIn(last.diagnostics), ['PC207']);
    assert.match(messageOf(last.diagnostics[0]), /85,000/);
    assert.deepEqual(last.diagnostics[0].range, rangeOf(text, '85000'));

    // A barrier: one more change, judged after anything the burst left behind.
    const comment = pos(text, '# expect: (nothing)', 1);
    await client.change(uri, 32, [{ range: { start: comment, end: comment }, text: ' ' }]);
    await client.waitForDiagnostics(uri, (p) => p.version === 32);

    const versions = client.published(uri).map((p) => p.version ?? -1);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `versions published out of order: ${versions.join(', ')}`);
    assert.ok(versions.every((v) => v >= 1 && v <= 32), `unexpected versions: ${versions.join(', ')}`);
  });

  it('didClose publishes an empty list', async () => {
    const { uri, diagnostics } = await openAndWait(client, 'close', example('invalid/too-many-active.topology.yaml'));
    assert.ok(diagnostics.length > 0);
    const mark = client.published(uri).length;
    await client.close(uri);
    const cleared = await client.waitForDiagnosticsAfter(uri, mark);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('didClose right after a change still leaves the document with an empty list', async () => {
    const text = example('invalid/too-many-active.topology.yaml');
    const { uri } = await openAndWait(client, 'close-race', text);
    const mark = client.published(uri).length;
    const at = pos(text, 'concurrentUsers: 85000', 'concurrentUsers: 8'.length);
    await client.change(uri, 2, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '6' }]);
    await client.close(uri);
    await client.waitForDiagnosticsAfter(uri, mark, (p) => p.diagnostics.length === 0);
    // A barrier: a document opened afterwards is judged after anything still pending for the closed one.
    await openAndWait(client, 'close-race-barrier', example('ee-single-server.topology.yaml'));
    const published = client.published(uri);
    assert.deepEqual(published[published.length - 1].diagnostics, [], 'the last word on a closed document is an empty list');
  });

  it("a document with languageId 'yaml' and a .topology.yaml uri is checked", async () => {
    const uri = freshUri('yaml-language');
    await client.open(uri, example('invalid/too-many-active.topology.yaml'), 1, 'yaml');
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(codesIn(published.diagnostics), ['PC203', 'PC207']);
  });

  it("a plain foo.yaml with languageId 'yaml' is not checked", async () => {
    const uri = freshUri('foo', '.yaml');
    await client.open(uri, example('invalid/too-many-active.topology.yaml'), 1, 'yaml');
    // A barrier: a topology opened afterwards gets its diagnostics after anything the plain file would have had.
    await openAndWait(client, 'after-plain-yaml', example('invalid/too-many-active.topology.yaml'));
    assert.deepEqual(client.published(uri), []);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: pos(example('invalid/too-many-active.topology.yaml'), 'id: pchat', 5) });
    assert.equal(hover, null);
  });
});
