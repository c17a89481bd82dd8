import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { ruleDocsLink } from '../../server/src/lsp/ruleDocs';
import { LspClient } from './lspClient';
import { example, openAndWait, pos } from './util';

/** Where vscode.dev serves an installed extension's files from, in the shape of such a URI. */
const WEB_RULE_DOCS = 'https://pchat-topology.vscode-unpkg.net/pchat-topology/pchat-topology/0.1.0/extension/docs/rules';

describe('the rule pages the client names in initializationOptions.ruleDocs', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { ruleDocs: WEB_RULE_DOCS } });
    await client.connection.sendNotification('initialized', {});
  });
  after(() => client.shutdown());

  it('diagnostics and hovers link the rule pages there, not in the server’s own folder', async () => {
    const text = example('invalid/too-many-active.topology.yaml');
    const { uri, diagnostics } = await openAndWait(client, 'rule-docs', text);
    assert.deepEqual(
      diagnostics.map((d) => d.codeDescription?.href).sort(),
      [`${WEB_RULE_DOCS}/PC203.md`, `${WEB_RULE_DOCS}/PC207.md`],
    );
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: pos(text, 'pc5.corp', 2) });
    assert.ok((hover.contents as MarkupContent).value.includes(`[PC203 docs](${WEB_RULE_DOCS}/PC203.md)`), (hover.contents as MarkupContent).value);
  });
});

describe('ruleDocsLink', () => {
  it("takes the client's folder over the server's own, with or without a trailing slash", () => {
    assert.equal(ruleDocsLink({ ruleDocs: 'https://x/docs/rules/' }, 'file:///own/docs/rules')!('PC101'), 'https://x/docs/rules/PC101.md');
    assert.equal(ruleDocsLink({ ruleDocs: 'https://x/docs/rules' }, undefined)!('PC101'), 'https://x/docs/rules/PC101.md');
  });

  it("falls back to the server's own folder when the client names none, or names it wrongly", () => {
    for (const options of [undefined, null, {}, { ruleDocs: 42 }, { ruleDocs: '' }]) {
      assert.equal(ruleDocsLink(options, 'file:///own/docs/rules')!('PC101'), 'file:///own/docs/rules/PC101.md', JSON.stringify(options));
    }
  });

  it('is undefined when neither names a folder, as in a web worker whose client names none', () => {
    assert.equal(ruleDocsLink({}, undefined), undefined);
  });
});
