import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, DocumentHighlight, DocumentSymbol, FoldingRange, Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../helpers';
import type { LspClient } from './lspClient';
import { example, openAndWait, pos, startServer, textIn } from './util';

/** The range of an id's value where it is defined: `- id: <id>` or `  id: <id>`. */
const idRange = (text: string, id: string): Range => ({ start: pos(text, `id: ${id}\n`, 4), end: pos(text, `id: ${id}\n`, 4 + id.length) });
/** The range of the value of `key: <value>` (its `occurrence`-th). */
const valueRange = (text: string, key: string, value: string, occurrence = 0): Range => ({
  start: pos(text, `${key}: ${value}\n`, key.length + 2, occurrence),
  end: pos(text, `${key}: ${value}\n`, key.length + 2 + value.length, occurrence),
});
const byPosition = (a: Range, b: Range) => a.start.line - b.start.line || a.start.character - b.start.character;

describe('LSP navigation, outline, folding and code lenses', () => {
  let client: LspClient;
  const ee = example('ee-multiple-server.topology.yaml');
  let uri: string;
  const at = (position: Position) => ({ textDocument: { uri }, position });

  before(async () => {
    client = await startServer();
    uri = (await openAndWait(client, 'nav-ee', ee)).uri;
  });
  after(() => client.shutdown());

  describe('definition', () => {
    it('of a nextHop value goes to the Front End pool id', async () => {
      const location = await client.request<Location | null>('textDocument/definition', at(pos(ee, 'nextHop: fe-redmond', 12)));
      assert.deepEqual(location, { uri, range: idRange(ee, 'fe-redmond') });
    });

    it('of a store value goes to the SQL store id', async () => {
      const location = await client.request<Location | null>('textDocument/definition', at(pos(ee, 'backupMirror: sql-pc-dr-mirror', 16)));
      assert.deepEqual(location, { uri, range: idRange(ee, 'sql-pc-dr-mirror') });
      assert.equal(textIn(ee, location!.range), 'sql-pc-dr-mirror');
    });

    it('of something that is no reference is null', async () => {
      assert.equal(await client.request('textDocument/definition', at(pos(ee, 'deployment: multiple-server', 15))), null);
    });
  });

  describe('references', () => {
    const fsRanges = () => [idRange(ee, 'fs'), valueRange(ee, '    fileStore', 'fs', 0), valueRange(ee, '    fileStore', 'fs', 1)];

    it('of an id, with its declaration', async () => {
      const locations = await client.request<Location[]>('textDocument/references', { ...at(pos(ee, 'id: fs', 4)), context: { includeDeclaration: true } });
      assert.ok(locations.every((l) => l.uri === uri));
      assert.deepEqual(locations.map((l) => l.range).sort(byPosition), fsRanges().sort(byPosition));
    });

    it('of an id, without its declaration', async () => {
      const locations = await client.request<Location[]>('textDocument/references', { ...at(pos(ee, 'id: fs', 4)), context: { includeDeclaration: false } });
      assert.deepEqual(locations.map((l) => l.range).sort(byPosition), fsRanges().slice(1).sort(byPosition));
    });

    it('asked from a reference finds the same places', async () => {
      const locations = await client.request<Location[]>('textDocument/references', { ...at(pos(ee, 'site: redmond', 7)), context: { includeDeclaration: true } });
      // The site is named by 7 SQL stores, the file store, the Front End pool and the Persistent Chat pool.
      assert.equal(locations.length, 11);
      for (const l of locations) assert.equal(textIn(ee, l.range), 'redmond');
    });
  });

  describe('rename', () => {
    it('of a store id updates the id and every reference', async () => {
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(pos(ee, 'id: sql-comp\n', 5)), newName: 'sql-audit' });
      const edits = edit.changes?.[uri];
      assert.ok(edits, JSON.stringify(edit));
      assert.deepEqual(
        edits.map((e) => e.range).sort(byPosition),
        [idRange(ee, 'sql-comp'), valueRange(ee, '      store', 'sql-comp')].sort(byPosition),
      );
      const renamed = applyEdits(ee, edits);
      assert.ok(renamed.includes('  - id: sql-audit\n') && renamed.includes('      store: sql-audit\n'));
      assert.ok(renamed.includes('mirror: sql-comp-mirror\n'), 'a longer id that starts the same is left alone');
      const { diagnostics } = await openAndWait(client, 'renamed', renamed);
      assert.deepEqual(diagnostics, [], 'the renamed topology is still valid');
    });

    it('asked from a reference renames the definition too', async () => {
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(pos(ee, 'store: sql-pc\n', 8)), newName: 'sql-chat' });
      const renamed = applyEdits(ee, edit.changes![uri]);
      assert.ok(renamed.includes('  - id: sql-chat\n') && renamed.includes('      store: sql-chat\n'));
      assert.ok(renamed.includes('  - id: sql-pc-mirror\n'));
    });

    const renameError = async (newName: string) => {
      try {
        await client.request('textDocument/rename', { ...at(pos(ee, 'id: sql-pc\n', 5)), newName });
      } catch (error) {
        return error as { code: number; message: string };
      }
      assert.fail(`renaming to '${newName}' should be refused`);
    };

    it("to an invalid name ('bad id!') is refused with a clear message", async () => {
      const error = await renameError('bad id!');
      assert.equal(error.code, -32803, 'RequestFailed');
      assert.match(error.message, /'bad id!' is not a valid id/);
    });

    it('to an id already taken is refused with a clear message', async () => {
      const error = await renameError('sql-be');
      assert.equal(error.code, -32803, 'RequestFailed');
      assert.match(error.message, /'sql-be' is already used/);
    });

    it('prepareRename on an id gives its range and name; on a non-id, null', async () => {
      assert.deepEqual(await client.request('textDocument/prepareRename', at(pos(ee, 'id: sql-pc\n', 5))), { range: idRange(ee, 'sql-pc'), placeholder: 'sql-pc' });
      assert.equal(await client.request('textDocument/prepareRename', at(pos(ee, 'deployment: multiple-server', 15))), null);
      assert.equal(await client.request('textDocument/prepareRename', at(pos(ee, 'fqdn: pc01.corp', 8))), null, 'a server FQDN is no id');
      assert.equal(await client.request('textDocument/prepareRename', at(pos(ee, 'nextHop:', 2))), null, 'a key is no id');
    });
  });

  it('documentHighlight marks the definition as written and the references as read', async () => {
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', at(pos(ee, 'fileStore: fs\n\npersistent', 12)));
    const expected = [
      { range: idRange(ee, 'fs'), kind: 3 },
      { range: valueRange(ee, '    fileStore', 'fs', 0), kind: 2 },
      { range: valueRange(ee, '    fileStore', 'fs', 1), kind: 2 },
    ];
    assert.deepEqual([...highlights].sort((a, b) => byPosition(a.range, b.range)), expected.sort((a, b) => byPosition(a.range, b.range)));
    assert.deepEqual(await client.request('textDocument/documentHighlight', at(pos(ee, 'deployment:', 2))), []);
  });

  it('documentSymbol: sections holding their entities, pools holding their servers', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Sites', 'SQL stores', 'File stores', 'Front End pools', 'Persistent Chat pools'],
    );
    const section = (name: string) => symbols.find((s) => s.name === name)!;
    assert.deepEqual(section('Sites').children?.map((c) => c.name), ['redmond']);
    assert.deepEqual(section('SQL stores').children?.map((c) => c.name), ['sql-be', 'sql-pc', 'sql-pc-mirror', 'sql-pc-dr', 'sql-pc-dr-mirror', 'sql-comp', 'sql-comp-mirror']);
    assert.deepEqual(section('File stores').children?.map((c) => c.name), ['fs']);
    const [fe] = section('Front End pools').children!;
    assert.equal(fe.name, 'fe-redmond');
    assert.deepEqual(fe.children?.map((c) => c.name), ['fe01.corp.contoso.com', 'fe02.corp.contoso.com', 'fe03.corp.contoso.com']);
    const [pool] = section('Persistent Chat pools').children!;
    assert.equal(pool.name, 'pchat');
    assert.deepEqual(
      pool.children?.map((c) => `${c.name} ${c.detail}`),
      ['pc01', 'pc02', 'pc03', 'pc04'].map((s) => `${s}.corp.contoso.com active`).concat(['pc05', 'pc06'].map((s) => `${s}.corp.contoso.com standby`)),
    );
    assert.deepEqual(pool.selectionRange, idRange(ee, 'pchat'));
    // Every symbol's selection lies in its range, and children lie in their parent.
    const contains = (outer: Range, inner: Range) => byPosition(outer, inner) <= 0 && (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));
    const check = (s: DocumentSymbol) => {
      assert.ok(contains(s.range, s.selectionRange), `${s.name}: selectionRange outside range`);
      for (const c of s.children ?? []) {
        assert.ok(contains(s.range, c.range), `${c.name} outside ${s.name}`);
        check(c);
      }
    };
    symbols.forEach(check);
    assert.equal(textIn(ee, section('Persistent Chat pools').selectionRange), 'persistentChatPools');
  });

  it('foldingRange covers each section from its key to its last line', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = ee.split('\n');
    for (const key of ['sites', 'sqlStores', 'fileStores', 'frontEndPools', 'persistentChatPools', 'adminConsoles']) {
      const start = lines.indexOf(`${key}:`);
      // The section runs to its last non-blank line before the next top-level key.
      let end = start;
      for (let i = start + 1; i < lines.length && !/^[^\s#]/.test(lines[i]); i++) if (lines[i].trim()) end = i;
      assert.ok(
        folds.some((f) => f.startLine === start && f.endLine === end),
        `no fold ${start}–${end} for ${key}; folds starting there: ${JSON.stringify(folds.filter((f) => f.startLine === start))}`,
      );
    }
    assert.ok(folds.some((f) => f.startLine === 0 && f.kind === 'comment'), 'the header comment folds');
    const pool = pos(ee, '- id: pchat').line;
    assert.ok(folds.some((f) => f.startLine === pool && f.endLine === lines.indexOf('    fileStore: fs', pool)), 'the pool folds');
  });

  describe('code lenses', () => {
    it('above each Persistent Chat pool: a summary and an Open preview command', async () => {
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.equal(lenses.length, 2, JSON.stringify(lenses));
      const line = pos(ee, '- id: pchat').line;
      for (const lens of lenses) assert.equal(lens.range.start.line, line);
      const titles = lenses.map((l) => l.command?.title);
      assert.ok(titles.includes('4 active · 2 standby · 72,000 of 80,000 concurrent users (90%)'), JSON.stringify(titles));
      const preview = lenses.find((l) => l.command?.title === 'Open preview');
      assert.ok(preview, JSON.stringify(titles));
      assert.equal(preview.command!.command, 'pchatTopology.openPreviewToSide');
      assert.deepEqual(preview.command!.arguments, [uri, 'pchat']);
    });

    it('one pair per pool when there are several', async () => {
      const text = example('invalid/two-pchat-dbs-one-instance.topology.yaml');
      const opened = await openAndWait(client, 'lens-two', text);
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: opened.uri } });
      const previews = lenses.filter((l) => l.command?.command === 'pchatTopology.openPreviewToSide');
      assert.deepEqual(previews.map((l) => [l.range.start.line, l.command!.arguments![1]]), [
        [pos(text, '- id: pchat-a').line, 'pchat-a'],
        [pos(text, '- id: pchat-b').line, 'pchat-b'],
      ]);
      // No concurrentUsers planned: the summary gives the capacity.
      assert.ok(lenses.some((l) => l.command?.title === '1 active · 0 standby · capacity 20,000 concurrent users'), JSON.stringify(lenses.map((l) => l.command?.title)));
    });
  });

  it('definition answers from the unsaved text of the latest change', async () => {
    const changed = ee.replace('nextHop: fe-redmond\n', 'nextHop: fe-redmond2\n').replace('  - id: fe-redmond\n', '  - id: fe-redmond2\n');
    const opened = await openAndWait(client, 'nav-changed', ee);
    await client.replace(opened.uri, 2, changed);
    await client.waitForDiagnostics(opened.uri, (p) => p.version === 2);
    const location = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: opened.uri }, position: pos(changed, 'nextHop: fe-redmond2', 12) });
    assert.deepEqual(location, { uri: opened.uri, range: idRange(changed, 'fe-redmond2') });
  });
});
