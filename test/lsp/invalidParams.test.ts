import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, LogMessageParams } from 'vscode-languageserver-protocol';
import type { LspClient } from './lspClient';
import { codesIn, example, openAndWait, pos, startServer } from './util';

const INVALID_PARAMS = -32602;

describe('LSP requests and notifications with malformed params', () => {
  let client: LspClient;
  let logs: LogMessageParams[];
  const text = example('ee-multiple-server.topology.yaml');
  let uri: string;
  const position = () => pos(text, 'id: pchat', 5);

  before(async () => {
    client = await startServer();
    logs = client.recordLogMessages();
    uri = (await openAndWait(client, 'invalid-params', text)).uri;
  });
  after(() => client.shutdown());

  async function stillAnswers(): Promise<void> {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: position() });
    assert.ok(hover && JSON.stringify(hover.contents).includes('4 active'), 'the server no longer answers hovers');
  }

  describe('requests are answered with InvalidParams (-32602) and a message naming the field', () => {
    // `params` of the uri of an open document.
    const cases: [method: string, params: (uri: string) => unknown, message: RegExp][] = [
      ['textDocument/hover', () => null, /^params must be an object, got null$/],
      ['textDocument/completion', (uri) => ({ textDocument: { uri }, position: { line: 'a', character: 0 } }), /^params\.position\.line must be a non-negative integer, got "a"$/],
      ['textDocument/definition', () => ({ position: position() }), /^params\.textDocument must be an object, got nothing$/],
      ['textDocument/references', (uri) => ({ textDocument: { uri }, position: position() }), /^params\.context must be an object, got nothing$/],
      ['textDocument/documentHighlight', (uri) => ({ textDocument: { uri }, position: { line: -1, character: 0 } }), /^params\.position\.line must be a non-negative integer, got -1$/],
      ['textDocument/prepareRename', () => ({ textDocument: { uri: 7 }, position: position() }), /^params\.textDocument\.uri must be a string, got 7$/],
      ['textDocument/rename', (uri) => ({ textDocument: { uri }, position: position(), newName: 5 }), /^params\.newName must be a string, got 5$/],
      ['textDocument/codeAction', (uri) => ({ textDocument: { uri }, context: { diagnostics: [] } }), /^params\.range must be an object, got nothing$/],
      [
        'textDocument/codeAction',
        (uri) => ({ textDocument: { uri }, range: { start: position(), end: { line: 1.5, character: 0 } }, context: { diagnostics: [], only: ['quickfix'] } }),
        /^params\.range\.end\.line must be a non-negative integer, got 1\.5$/,
      ],
      ['textDocument/codeAction', (uri) => ({ textDocument: { uri }, range: { start: position(), end: position() }, context: { diagnostics: [], only: 'quickfix' } }), /^params\.context\.only must be an array, got "quickfix"$/],
      ['textDocument/foldingRange', () => 'x', /^params must be an object, got "x"$/],
      ['textDocument/codeLens', () => ({}), /^params\.textDocument must be an object, got nothing$/],
      ['pchatTopology/diagramModel', () => ({ uri: 3 }), /^params\.uri must be a string, got 3$/],
      // The library itself refuses positional params for requests it knows.
      ['textDocument/documentSymbol', () => [], /defines parameters by name but received parameters by position/],
    ];
    for (const [method, params, message] of cases) {
      it(`${method} ${JSON.stringify(params('<open document>'))}`, async () => {
        const response = await client.rawRequest(method, params(uri));
        assert.equal(response.error?.code, INVALID_PARAMS, JSON.stringify(response));
        assert.match(response.error.message, message);
      });
    }
  });

  it('the server keeps answering afterwards', async () => {
    await stillAnswers();
    assert.ok(client.isAlive());
  });

  it('a notification with malformed params is dropped and logged; the document keeps its text', async () => {
    const doc = (await openAndWait(client, 'invalid-change', text)).uri;
    const mark = logs.length;
    await client.rawNotification('textDocument/didOpen', null);
    await client.rawNotification('textDocument/didChange', {
      textDocument: { uri: doc, version: 2 },
      contentChanges: [{ range: { start: { line: 'a', character: 0 }, end: { line: 0, character: 0 } }, text: 'garbage: [' }],
    });
    await client.rawNotification('textDocument/didClose', { textDocument: {} });
    // A good change afterwards applies to the text the server had: the malformed one did nothing.
    const line = pos(text, 'id: pchat').line;
    await client.change(doc, 3, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '    # a comment\n' }]);
    const { diagnostics } = await client.waitForDiagnostics(doc, (p) => p.version === 3);
    assert.deepEqual(codesIn(diagnostics), codesIn((await openAndWait(client, 'invalid-change-expected', text)).diagnostics));
    const errors = logs.slice(mark).filter((l) => l.type === 1).map((l) => l.message);
    for (const expected of [/textDocument\/didOpen.*params must be an object, got null/, /textDocument\/didChange.*params\.contentChanges\[0\]\.range\.start\.line must be a non-negative integer, got "a"/, /textDocument\/didClose.*params\.textDocument\.uri must be a string/]) {
      assert.ok(errors.some((e) => expected.test(e)), `no logged error matching ${expected}; logged:\n${errors.join('\n')}`);
    }
    await stillAnswers();
  });
});
