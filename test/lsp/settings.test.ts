import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { LspClient } from './lspClient';
import { codesIn, example, openAndWait, pos, startServer } from './util';

describe('LSP settings and suppression comments', () => {
  let client: LspClient;
  let backEnd: string;
  let single: string;
  const severityOf = (diagnostics: Diagnostic[], code: string) => diagnostics.find((d) => d.code === code)?.severity;

  before(async () => {
    client = await startServer();
    backEnd = (await openAndWait(client, 'settings-back-end', example('invalid/pchat-db-with-back-end.topology.yaml'))).uri;
    single = (await openAndWait(client, 'settings-single', example('ee-single-server.topology.yaml'))).uri;
  });
  after(() => client.shutdown());

  /** Changes the settings the client answers with, notifies the server, and returns the next diagnostics of both documents. */
  async function reconfigure(settings: unknown): Promise<{ backEnd: Diagnostic[]; single: Diagnostic[] }> {
    client.settings = settings;
    const marks = [client.published(backEnd).length, client.published(single).length];
    await client.changeConfiguration();
    const [a, b] = await Promise.all([client.waitForDiagnosticsAfter(backEnd, marks[0]), client.waitForDiagnosticsAfter(single, marks[1])]);
    return { backEnd: a.diagnostics, single: b.diagnostics };
  }

  const assertDefaults = (after: { backEnd: Diagnostic[]; single: Diagnostic[] }) => {
    assert.deepEqual(codesIn(after.backEnd), ['PC105']);
    assert.equal(severityOf(after.backEnd, 'PC105'), 2);
    assert.deepEqual(codesIn(after.single), ['PC202']);
    assert.equal(severityOf(after.single, 'PC202'), 4);
  };

  it('by default PC105 is a warning and PC202 a hint', () => {
    const last = (uri: string) => client.published(uri)[client.published(uri).length - 1].diagnostics;
    assertDefaults({ backEnd: last(backEnd), single: last(single) });
  });

  it("rules: { PC105: 'off', PC202: 'information' } silences PC105 and makes PC202 information, in open documents", async () => {
    const after = await reconfigure({ rules: { PC105: 'off', PC202: 'information' } });
    assert.deepEqual(after.backEnd, []);
    assert.deepEqual(codesIn(after.single), ['PC202']);
    assert.equal(severityOf(after.single, 'PC202'), 3);
  });

  it('... and in a document opened afterwards', async () => {
    const { diagnostics } = await openAndWait(client, 'settings-new-doc', example('invalid/single-server-grown.topology.yaml'));
    assert.deepEqual(codesIn(diagnostics), ['PC201', 'PC202']);
    assert.equal(severityOf(diagnostics, 'PC202'), 3);
    assert.equal(severityOf(diagnostics, 'PC201'), 1);
  });

  it('clearing the settings restores the defaults', async () => {
    assertDefaults(await reconfigure({}));
  });

  describe('invalid settings are ignored without breaking diagnostics', () => {
    for (const [label, settings] of [
      ["rules: 'nonsense'", { rules: 'nonsense' }],
      ["rules: { PC105: 'loud' }", { rules: { PC105: 'loud' } }],
      ['rules: { PC105: 0, pc202: "off", PC20: "off" }', { rules: { PC105: 0, pc202: 'off', PC20: 'off' } }],
      ['rules: null', { rules: null }],
      ['settings: null', null],
      ['settings: 42', 42],
    ] as const) {
      it(label, async () => {
        assertDefaults(await reconfigure(settings));
      });
    }

    it("the well-formed overrides of a partly invalid 'rules' still apply", async () => {
      const after = await reconfigure({ rules: { PC105: 'loud', PC202: 'error' } });
      assert.equal(severityOf(after.backEnd, 'PC105'), 2);
      assert.equal(severityOf(after.single, 'PC202'), 1);
    });

    after(async () => {
      await reconfigure({});
    });
  });

  describe('suppression comments', () => {
    const text = example('invalid/too-many-active.topology.yaml');
    const pc5 = '      - fqdn: pc5.corp.woodgrove.com\n';

    it('# pchat-topology-disable-next-line PC203 silences PC203 on the next line only', async () => {
      const { diagnostics } = await openAndWait(client, 'next-line', text.replace(pc5, `      # pchat-topology-disable-next-line PC203\n${pc5}`));
      assert.deepEqual(codesIn(diagnostics), ['PC207']);
    });

    it('# pchat-topology-disable-next-line PC203 above another line silences nothing', async () => {
      const { diagnostics } = await openAndWait(client, 'next-line-elsewhere', text.replace('      - fqdn: pc4', '      # pchat-topology-disable-next-line PC203\n      - fqdn: pc4'));
      assert.deepEqual(codesIn(diagnostics), ['PC203', 'PC207']);
    });

    it('# pchat-topology-disable PC207 silences PC207 in the whole file', async () => {
      const { diagnostics } = await openAndWait(client, 'file-wide', `# pchat-topology-disable PC207\n${text}`);
      assert.deepEqual(codesIn(diagnostics), ['PC203']);
    });

    it('both comments together leave no finding', async () => {
      const { diagnostics } = await openAndWait(client, 'both', `# pchat-topology-disable PC207\n${text.replace(pc5, `      # pchat-topology-disable-next-line PC203\n${pc5}`)}`);
      assert.deepEqual(diagnostics, []);
    });

    it('typing the comment silences the finding, and deleting it brings it back', async () => {
      const { uri } = await openAndWait(client, 'typed', text);
      const line = pos(text, pc5).line;
      const start = { line, character: 0 };
      const comment = '      # pchat-topology-disable-next-line PC203\n';
      await client.change(uri, 2, [{ range: { start, end: start }, text: comment }]);
      assert.deepEqual(codesIn((await client.waitForDiagnostics(uri, (p) => p.version === 2)).diagnostics), ['PC207']);
      await client.change(uri, 3, [{ range: { start, end: { line: line + 1, character: 0 } }, text: '' }]);
      assert.deepEqual(codesIn((await client.waitForDiagnostics(uri, (p) => p.version === 3)).diagnostics), ['PC203', 'PC207']);
    });
  });
});

describe('LSP setting pchatTopology.reportUnusedSuppressions', () => {
  let client: LspClient;
  let uri: string;
  // ee-single-server raises PC202 only, so the comment silences nothing.
  const text = `# pchat-topology-disable PC203\n${example('ee-single-server.topology.yaml')}`;

  before(async () => {
    client = await startServer();
    uri = (await openAndWait(client, 'unused-suppression', text)).uri;
  });
  after(() => client.shutdown());

  async function diagnosticsWith(settings: unknown): Promise<Diagnostic[]> {
    client.settings = settings;
    const mark = client.published(uri).length;
    await client.changeConfiguration();
    return (await client.waitForDiagnosticsAfter(uri, mark)).diagnostics;
  }

  it('off by default: a suppression comment that silences nothing is not reported', () => {
    const published = client.published(uri);
    assert.deepEqual(codesIn(published[published.length - 1].diagnostics), ['PC202']);
  });

  it('true: the PC203 named in the comment is reported as PC009, at the id', async () => {
    const diagnostics = await diagnosticsWith({ reportUnusedSuppressions: true });
    assert.deepEqual(codesIn(diagnostics), ['PC009', 'PC202']);
    const unused = diagnostics.find((d) => d.code === 'PC009')!;
    assert.deepEqual(unused.range, { start: pos(text, 'PC203'), end: pos(text, 'PC203', 5) });
  });

  for (const [label, settings] of [
    ['false', { reportUnusedSuppressions: false }],
    ["'true' (a string, not a boolean)", { reportUnusedSuppressions: 'true' }],
    ['absent again', {}],
  ] as const) {
    it(`${label}: not reported`, async () => {
      assert.deepEqual(codesIn(await diagnosticsWith(settings)), ['PC202']);
    });
  }

  it('true together with rules: { PC009: "off" }: not reported', async () => {
    assert.deepEqual(codesIn(await diagnosticsWith({ reportUnusedSuppressions: true, rules: { PC009: 'off' } })), ['PC202']);
  });
});
