import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover, LogMessageParams, Position } from 'vscode-languageserver-protocol';
import type { LspClient } from './lspClient';
import { example, freshUri, messageOf, openAndWait, pos, startServer } from './util';

/** Every request about a position, with what "nothing here" looks like for it. */
const POSITION_REQUESTS: [method: string, extra: object, nothing: null | []][] = [
  ['textDocument/hover', {}, null],
  ['textDocument/completion', {}, []],
  ['textDocument/definition', {}, null],
  ['textDocument/references', { context: { includeDeclaration: true } }, []],
  ['textDocument/documentHighlight', {}, []],
  ['textDocument/prepareRename', {}, null],
];
const DOCUMENT_REQUESTS: [method: string, nothing: []][] = [
  ['textDocument/documentSymbol', []],
  ['textDocument/foldingRange', []],
  ['textDocument/codeLens', []],
];

/** Deterministic "random" bytes: a linear congruential generator from a fixed seed. */
function randomBytes(length: number, seed: number): string {
  let state = seed;
  const bytes: number[] = [];
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes.push(state >>> 24);
  }
  return Buffer.from(bytes).toString('latin1');
}

describe('LSP robustness', () => {
  let client: LspClient;
  let logs: LogMessageParams[];
  const ee = example('ee-multiple-server.topology.yaml');
  let eeUri: string;

  before(async () => {
    client = await startServer();
    logs = client.recordLogMessages();
    eeUri = (await openAndWait(client, 'robust-ee', ee)).uri;
  });
  after(() => client.shutdown());

  /** The server still answers a hover on a healthy document. */
  async function stillAnswers(): Promise<void> {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: eeUri }, position: pos(ee, 'id: pchat', 5) });
    assert.ok(hover && JSON.stringify(hover.contents).includes('4 active'), 'the server no longer answers hovers');
  }

  /** Runs the requests at `position` and lists those that did not answer `nothing`, or failed. */
  async function unexpectedAnswers(uri: string, position: Position, which: 'navigation' | 'completion' | 'all' = 'all'): Promise<string[]> {
    const wrong: string[] = [];
    const check = async (method: string, params: object, nothing: unknown) => {
      try {
        const result = await client.request(method, params);
        if (JSON.stringify(result) !== JSON.stringify(nothing)) wrong.push(`${method} → ${JSON.stringify(result).slice(0, 200)}`);
      } catch (error) {
        // Rename where there is no id is refused with a message (RequestFailed), as on any other non-id.
        if (method === 'textDocument/rename' && (error as { code?: number }).code === -32803) return;
        wrong.push(`${method} → error ${(error as Error).message}`);
      }
    };
    for (const [method, extra, nothing] of POSITION_REQUESTS) {
      if (which === 'all' || (which === 'completion') === (method === 'textDocument/completion')) await check(method, { textDocument: { uri }, position, ...extra }, nothing);
    }
    if (which !== 'completion') {
      await check('textDocument/rename', { textDocument: { uri }, position, newName: 'renamed' }, null);
      await check('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }, []);
    }
    return wrong;
  }

  const errorsLoggedSince = (mark: number) => logs.slice(mark).filter((l) => l.type === 1).map((l) => l.message.split('\n')[0]);

  it('requests for an unknown document answer null or []', async () => {
    const uri = freshUri('never-opened');
    assert.deepEqual(await unexpectedAnswers(uri, { line: 0, character: 0 }), []);
    for (const [method, nothing] of DOCUMENT_REQUESTS) assert.deepEqual(await client.request(method, { textDocument: { uri } }), nothing, method);
    // Notifications about it are ignored.
    await client.change(uri, 2, [{ text: 'topology: x\n' }]);
    await client.close(uri);
    await stillAnswers();
    assert.deepEqual(client.published(uri), []);
  });

  describe('positions past the end of the document answer null or [] without error', () => {
    for (const [label, text] of [
      ['a document ending in a newline', ee],
      ['a document without a final newline (ending in a reference)', example('se-sql-express.topology.yaml').trimEnd()],
    ] as const) {
      for (const which of ['navigation', 'completion'] as const) {
        const requests = which === 'navigation' ? 'hover, definition, references, highlight, rename, code actions' : 'completion';
        it(`${requests}: ${label}`, async () => {
          const { uri } = await openAndWait(client, `past-end-${which}`, text);
          const lineCount = text.split('\n').length;
          const mark = logs.length;
          const wrong = [
            ...(await unexpectedAnswers(uri, { line: lineCount, character: 0 }, which)).map((w) => `line ${lineCount}: ${w}`),
            ...(await unexpectedAnswers(uri, { line: lineCount + 5000, character: 3 }, which)).map((w) => `line ${lineCount + 5000}: ${w}`),
          ];
          // A request that fails inside the server is answered with an empty result and logged; that is an error too.
          await stillAnswers();
          const logged = errorsLoggedSince(mark).map((e) => `logged error: ${e}`);
          const problems = [...wrong, ...logged];
          assert.deepEqual(problems, [], `the document has ${lineCount} lines (0–${lineCount - 1}); answers about a place that does not exist, or internal errors:\n${problems.join('\n')}`);
        });
      }
    }
  });

  it('a 5 MB document gets a single clear diagnostic, and the server goes on answering', async () => {
    const big = ee + `# ${'x'.repeat(78)}\n`.repeat(64 * 1024);
    assert.ok(big.length > 5 * 1024 * 1024);
    const uri = freshUri('five-megabytes');
    await client.open(uri, big);
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.version === 1, 20000);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics).slice(0, 500));
    const [d] = diagnostics;
    assert.match(messageOf(d), /MB/);
    assert.equal(d.source, 'pchat-topology');
    // Asking about the big document gives nothing (or an error response), never a hang or a crash.
    try {
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: pos(big, 'id: pchat', 5) });
      assert.equal(hover, null);
    } catch (error) {
      assert.ok((error as { code?: number }).code, 'an error response');
    }
    await stillAnswers();
  });

  describe('garbage text gets PC001 diagnostics', () => {
    for (const [label, text] of [
      ['random bytes (with control characters, which YAML does not allow)', randomBytes(4000, 20130219)],
      ['{{{{', '{{{{'],
      ['a 1,000-level nested flow list', `${'['.repeat(1000)}${']'.repeat(1000)}`],
      ['an unclosed 1,000-level nested flow list', '['.repeat(1000)],
    ] as const) {
      it(label, async () => {
        if (label.startsWith('random')) assert.match(text, /\x00[\s\S]*[\x01-\x08]/, 'the bytes hold NUL and other C0 controls, outside YAML\'s printable set');
        const uri = freshUri(`garbage-${label}`);
        await client.open(uri, text);
        const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.version === 1, 15000);
        assert.ok(diagnostics.length > 0, 'no diagnostics');
        const codes = new Set(diagnostics.map((d: Diagnostic) => d.code));
        assert.deepEqual([...codes], ['PC001'], `codes: ${[...codes].join(', ')}; first message: ${messageOf(diagnostics[0]).slice(0, 120)}`);
        assert.ok(diagnostics.every((d) => d.severity === 1));
        // The editor can still ask about the document.
        assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
        await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
        await stillAnswers();
      });
    }
  });

  it('an unknown request method gets a MethodNotFound error response, and the server stays up', async () => {
    await assert.rejects(client.request('pchatTopology/noSuchThing', { x: 1 }), (error: { code: number }) => {
      assert.equal(error.code, -32601, 'MethodNotFound');
      return true;
    });
    await client.connection.sendNotification('pchatTopology/noSuchNotification', {});
    await stillAnswers();
  });

  it('after all that the server process is still alive', async () => {
    await stillAnswers();
    assert.ok(client.isAlive(), `the server exited; stderr:\n${client.stderr}`);
  });
});
