import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits } from '../helpers';
import type { LspClient } from './lspClient';
import { codesIn, example, invalidExamples, openAndWait, startServer } from './util';

/** The findings of the invalid examples that come with a quick fix, and those that do not. */
const FIXABLE = ['PC002', 'PC004', 'PC101', 'PC107', 'PC201', 'PC202', 'PC203', 'PC214'];
// PC103's fix needs a spare store on another SQL Server computer, which its example does not have; PC104 has none.
const NOT_FIXABLE = ['PC007', 'PC103', 'PC104', 'PC105', 'PC112', 'PC207'];

describe('LSP code actions', () => {
  let client: LspClient;
  before(async () => {
    client = await startServer();
  });
  after(() => client.shutdown());

  function actionsFor(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    });
  }

  /** Applies an action's WorkspaceEdit to the text, sends the result as version 2, and returns the new diagnostics. */
  async function apply(uri: string, text: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const changes = action.edit?.changes;
    assert.ok(changes, `'${action.title}' has no edit`);
    assert.deepEqual(Object.keys(changes), [uri], 'the edit changes only this document');
    const after = applyEdits(text, changes[uri]);
    assert.notEqual(after, text, `'${action.title}' changes nothing`);
    await client.replace(uri, 2, after);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    return { text: after, diagnostics: published.diagnostics };
  }

  for (const { name, text, codes } of invalidExamples()) {
    for (const code of codes) {
      const fixable = FIXABLE.includes(code);
      describe(`${name} ${code}`, () => {
        if (fixable) {
          it('the preferred quick fix makes the finding go away', async () => {
            const { uri, diagnostics } = await openAndWait(client, `fix-${name}-${code}`, text);
            const diagnostic = diagnostics.find((d) => d.code === code)!;
            const actions = await actionsFor(uri, diagnostic);
            const preferred = actions.filter((a) => a.isPreferred);
            assert.equal(preferred.length, 1, `preferred actions: ${JSON.stringify(actions.map((a) => a.title))}`);
            const [fix] = preferred;
            assert.equal(fix.kind, 'quickfix');
            assert.deepEqual(fix.diagnostics?.map((d) => d.code), [code], 'the fix names the finding it answers');
            const result = await apply(uri, text, fix);
            assert.ok(!result.diagnostics.some((d) => d.code === code), `${code} still there after '${fix.title}': ${JSON.stringify(result.diagnostics.map((d) => d.message))}`);
          });
        } else {
          it('offers no fix of its own, only the suppressions', async () => {
            const { uri, diagnostics } = await openAndWait(client, `nofix-${name}-${code}`, text);
            const actions = await actionsFor(uri, diagnostics.find((d) => d.code === code)!, ['quickfix']);
            const own = actions.filter((a) => a.diagnostics?.[0]?.code === code && !a.title.startsWith('Suppress'));
            assert.deepEqual(own.map((a) => a.title), []);
            assert.ok(!actions.some((a) => a.isPreferred && a.diagnostics?.[0]?.code === code));
          });
        }

        for (const where of ['on this line', 'in this file'] as const) {
          it(`"Suppress ${code} ${where}" inserts a comment that silences only that finding`, async () => {
            const { uri, diagnostics } = await openAndWait(client, `suppress-${where}-${name}-${code}`, text);
            const actions = await actionsFor(uri, diagnostics.find((d) => d.code === code)!);
            const suppress = actions.find((a) => a.title === `Suppress ${code} ${where}`);
            assert.ok(suppress, `no suppression among ${JSON.stringify(actions.map((a) => a.title))}`);
            assert.equal(suppress.kind, 'quickfix');
            assert.notEqual(suppress.isPreferred, true);
            const result = await apply(uri, text, suppress);
            const comment = where === 'on this line' ? `# pchat-topology-disable-next-line ${code}` : `# pchat-topology-disable ${code}`;
            assert.ok(result.text.includes(comment), `no '${comment}' in:\n${result.text}`);
            if (where === 'in this file') assert.ok(result.text.startsWith(`${comment}\n`), 'the file-wide comment goes on the first line');
            assert.deepEqual(codesIn(result.diagnostics), codes.filter((c) => c !== code));
          });
        }
      });
    }
  }

  it('the lists above name exactly the findings of the invalid examples', () => {
    const raised = new Set(invalidExamples().flatMap((e) => e.codes));
    assert.deepEqual([...raised].sort(), [...FIXABLE, ...NOT_FIXABLE].sort());
  });

  describe('source.fixAll', () => {
    /** Too many active servers (safe fix: mark one standby), compliance off but a store given (safe fix: remove it), too many users (no fix). */
    const text = example('invalid/too-many-active.topology.yaml').replace('    compliance:\n      enabled: false\n', '    compliance:\n      enabled: false\n      store: sql-be\n');

    it('applies every safe fix at once and leaves the rest', async () => {
      const { uri, diagnostics } = await openAndWait(client, 'fix-all', text);
      assert.deepEqual(codesIn(diagnostics), ['PC108', 'PC203', 'PC207']);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
      const [fixAll] = actions;
      assert.equal(fixAll.kind, 'source.fixAll');
      assert.match(fixAll.title, /\(2\)/);
      const result = await apply(uri, text, fixAll);
      assert.deepEqual(codesIn(result.diagnostics), ['PC207']);
      assert.ok(!result.text.includes('      store: sql-be'), 'the ignored compliance store is removed');
      assert.ok(result.text.includes('state: standby'), 'a server is marked standby');
    });

    it('is not offered when no fix is safe', async () => {
      const { uri } = await openAndWait(client, 'fix-all-none', example('invalid/broken-references.topology.yaml'));
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.deepEqual(actions, []);
    });

    it('quick-fix requests do not get it', async () => {
      const { uri, diagnostics } = await openAndWait(client, 'fix-all-quickfix-only', text);
      const actions = await actionsFor(uri, diagnostics.find((d) => d.code === 'PC203')!, ['quickfix']);
      assert.ok(actions.length > 0);
      assert.ok(actions.every((a) => a.kind === 'quickfix'), JSON.stringify(actions.map((a) => a.kind)));
    });
  });
});
