import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { OPEN_PREVIEW_TO_SIDE_COMMAND } from '../../server/src/lsp/protocol';
import { ActiveTopologyContext } from './activeTopologyContext';
import { leaveOtherXmlAlone } from './otherXml';
import { PreviewPanel } from './preview/previewPanel';
import { TopologyStatusBar } from './statusBar';
import { isTopologyDocument, SERVED_LANGUAGES, TOPOLOGY_FILES } from './topologyDocuments';

let client: LanguageClient | undefined;

/** The topology document a command means: the one named by its argument, or the active editor's. */
async function targetDocument(uri?: unknown): Promise<vscode.TextDocument | undefined> {
  if (typeof uri === 'string' || uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  const document = vscode.window.activeTextEditor?.document;
  if (document && isTopologyDocument(document)) return document;
  void vscode.window.showWarningMessage(`Open a Persistent Chat topology first: ${TOPOLOGY_FILES}.`);
  return undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SERVED_LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    middleware: leaveOtherXmlAlone,
    synchronize: { configurationSection: 'pchatTopology' },
  };
  // The client id 'pchatTopology' makes it read the 'pchatTopology.trace.server' setting; its default
  // error handler restarts a crashed server, at most four times in three minutes.
  client = new LanguageClient('pchatTopology', 'Persistent Chat Topology', serverOptions, clientOptions);
  const preview = new PreviewPanel(context, client);
  context.subscriptions.push(
    preview,
    new TopologyStatusBar(),
    new ActiveTopologyContext(),
    vscode.commands.registerCommand('pchatTopology.openPreview', async (uri?: unknown) => {
      const document = await targetDocument(uri);
      if (document) preview.open(document, false);
    }),
    vscode.commands.registerCommand(OPEN_PREVIEW_TO_SIDE_COMMAND, async (uri?: unknown) => {
      const document = await targetDocument(uri);
      if (document) preview.open(document, true);
    }),
    vscode.commands.registerCommand('pchatTopology.exportSvg', () => preview.exportSvg()),
    vscode.commands.registerCommand('pchatTopology.togglePreviewLock', () => preview.toggleLock()),
    vscode.commands.registerCommand('pchatTopology.restartServer', () => client?.restart()),
  );
  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
