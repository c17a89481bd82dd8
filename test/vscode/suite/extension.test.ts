import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'pchat-topology.pchat-topology';

async function openExample(relative: string): Promise<vscode.TextDocument> {
  const [folder] = vscode.workspace.workspaceFolders ?? [];
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, relative));
  await vscode.window.showTextDocument(document);
  return document;
}

async function diagnosticsOf(uri: vscode.Uri, expected: string[]): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pchat-topology');
    const codes = [...new Set(found.map((d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code)))].sort();
    if (codes.join() === expected.join()) return found;
    if (Date.now() > deadline) throw new Error(`expected ${expected.join(', ')}; got ${codes.join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

suite('pchat-topology in the extension host', () => {
  test('activates on a topology file, with the language id set', async () => {
    const document = await openExample('invalid/too-many-active.topology.yaml');
    assert.equal(document.languageId, 'pchat-topology');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
    assert.ok(extension.isActive);
  });

  test('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['pchatTopology.openPreview', 'pchatTopology.openPreviewToSide', 'pchatTopology.exportSvg', 'pchatTopology.togglePreviewLock', 'pchatTopology.restartServer']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  test('publishes the rule ids the example names', async () => {
    const document = await openExample('invalid/too-many-active.topology.yaml');
    const diagnostics = await diagnosticsOf(document.uri, ['PC203', 'PC207']);
    const pc203 = diagnostics.find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'PC203')!;
    assert.equal(pc203.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(pc203.range.start.line, 34);
  });

  test("offers the catalog's quick fix for PC203", async () => {
    const document = await openExample('invalid/too-many-active.topology.yaml');
    const [pc203] = (await diagnosticsOf(document.uri, ['PC203', 'PC207'])).filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'PC203');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, pc203.range);
    assert.ok(actions.some((a) => a.title === 'Mark pc5.corp.woodgrove.com standby' && a.isPreferred), actions.map((a) => a.title).join(' | '));
  });
});
