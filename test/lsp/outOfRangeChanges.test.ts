import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, LogMessageParams, Range } from 'vscode-languageserver-protocol';
import type { LspClient } from './lspClient';
import { example, messageOf, openAndWait, pos, startServer, textIn } from './util';

/** The problems with a diagnostic's positions in `text`: not integers, or places the text does not have. */
function misplaced(text: string, diagnostics: Diagnostic[]): string[] {
  const lines = text.split('\n');
  return diagnostics.flatMap((d) =>
    [d.range.start, d.range.end].flatMap((p) => {
      const inside = Number.isInteger(p.line) && Number.isInteger(p.character) && p.line < lines.length && p.character <= lines[p.line].length;
      return inside ? [] : [`${d.code} at ${JSON.stringify(p)}`];
    }),
  );
}

/** What an editor compares: rule, place and message (related information names the document's own uri). */
const comparable = (diagnostics: Diagnostic[]) => diagnostics.map((d) => ({ code: d.code, range: d.range, message: messageOf(d) }));

describe('LSP didChange with ranges outside the document', () => {
  let client: LspClient;
  let logs: LogMessageParams[];
  const text = example('se-sql-express.topology.yaml');
  const lineCount = text.split('\n').length;
  const warningsAbout = (uri: string) => logs.filter((l) => l.type === 2 && l.message.includes(uri));

  before(async () => {
    client = await startServer();
    logs = client.recordLogMessages();
  });
  after(() => client.shutdown());

  /** Applies the changes in turn and returns the diagnostics of the last version, after checking every version's. */
  async function changeAndCheck(uri: string, changes: { range: Range; text: string; expected: string }[]): Promise<Diagnostic[]> {
    let diagnostics: Diagnostic[] = [];
    for (const [i, change] of changes.entries()) {
      const version = i + 2;
      await client.change(uri, version, [{ range: change.range, text: change.text }]);
      diagnostics = (await client.waitForDiagnostics(uri, (p) => p.version === version)).diagnostics;
      assert.deepEqual(misplaced(change.expected, diagnostics), [], `version ${version}: diagnostics outside the text`);
    }
    return diagnostics;
  }

  /** The diagnostics the server gives `text` opened afresh. */
  const diagnosticsOfFresh = async (tag: string, fresh: string) => (await openAndWait(client, tag, fresh)).diagnostics;

  it('a range starting past the last line inserts at the end of the text, as a clamping client does; a normal edit then lands where it should', async () => {
    assert.equal(lineCount, 45, 'the example has 44 lines and a final newline');
    const { uri } = await openAndWait(client, 'past-last-line', text);
    const appended = '    stat: standby\n';
    const afterAppend = text + appended;
    const comment = '# inserted\n';
    const afterComment = comment + afterAppend;
    const diagnostics = await changeAndCheck(uri, [
      { range: { start: { line: 500, character: 0 }, end: { line: 501, character: 0 } }, text: appended, expected: afterAppend },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: comment, expected: afterComment },
    ]);
    const typo = diagnostics.find((d) => d.code === 'PC002');
    assert.ok(typo, `no PC002 for the appended key; got ${diagnostics.map((d) => d.code).join(', ')}`);
    assert.deepEqual(typo.range.start, pos(afterComment, 'stat: standby'));
    assert.equal(textIn(afterComment, typo.range), 'stat');
    assert.deepEqual(comparable(diagnostics), comparable(await diagnosticsOfFresh('past-last-line-expected', afterComment)));
    assert.equal(warningsAbout(uri).length, 1, 'one warning that the client sent a range the text does not have');
    assert.match(warningsAbout(uri)[0].message, / at 500:0-501:0 /);
  });

  it('a character past the end of its line is that line\'s end; a line past the last is the end of the text', async () => {
    const { uri } = await openAndWait(client, 'past-line-end', text);
    const line = pos(text, 'nextHop: se').line;
    const afterRename = text.replace('nextHop: se\n', 'nextHop: sx\n');
    const diagnostics = await changeAndCheck(uri, [
      // Replaces "se" and what the client thinks is beyond it on the same line.
      { range: { start: { line, character: 13 }, end: { line, character: 400 } }, text: 'sx', expected: afterRename },
      { range: { start: { line: lineCount + 3, character: 7 }, end: { line: lineCount + 9, character: 0 } }, text: '# end\n', expected: `${afterRename}# end\n` },
    ]);
    assert.deepEqual(comparable(diagnostics), comparable(await diagnosticsOfFresh('past-line-end-expected', `${afterRename}# end\n`)));
    assert.ok(diagnostics.some((d) => d.code === 'PC004'), 'the reference to sx, which does not exist');
    assert.equal(warningsAbout(uri).length, 1, 'a warning once per document, not once per change');
  });

  it('a range whose start is after its end covers the text between them, without a warning', async () => {
    const { uri } = await openAndWait(client, 'reversed', text);
    const { start, end } = { start: pos(text, 'nextHop: se', 9), end: pos(text, 'nextHop: se', 11) };
    const expected = text.replace('nextHop: se\n', 'nextHop: sx\n');
    const diagnostics = await changeAndCheck(uri, [{ range: { start: end, end: start }, text: 'sx', expected }]);
    assert.deepEqual(comparable(diagnostics), comparable(await diagnosticsOfFresh('reversed-expected', expected)));
    assert.deepEqual(warningsAbout(uri), [], 'the range is inside the text, only reversed');
  });

  it('ranges inside the text are not reported', async () => {
    const { uri } = await openAndWait(client, 'inside', text);
    await changeAndCheck(uri, [{ range: { start: { line: lineCount - 1, character: 0 }, end: { line: lineCount - 1, character: 0 } }, text: '# end', expected: `${text}# end` }]);
    assert.deepEqual(warningsAbout(uri), []);
  });
});
