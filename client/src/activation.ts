import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import { OPEN_PREVIEW_TO_SIDE_COMMAND } from '../../server/src/lsp/protocol';
import type { InitializationOptions } from '../../server/src/lsp/ruleDocs';
import { ActiveTopologyContext } from './activeTopologyContext';
import { leaveOtherXmlAlone } from './otherXml';
import { PreviewPanel } from './preview/previewPanel';
import { TopologyStatusBar } from './statusBar';
import { isTopologyDocument, SERVED_LANGUAGES, TOPOLOGY_FILES } from './topologyDocuments';

/** How an entry starts the language server: a Node process on the desktop, a web worker on vscode.dev and github.dev. */
export interface ServerLauncher {
  /** The URI schemes of the documents served; undefined for any (the web's workspaces are virtual file systems). */
  schemes?: string[];
  createClient(id: string, name: string, options: LanguageClientOptions): BaseLanguageClient;
}

let client: BaseLanguageClient | undefined;

/** The topology document a command means: the one named by its argument, or the active editor's. */
async function targetDocument(uri?: unknown): Promise<vscode.TextDocument | undefined> {
  if (typeof uri === 'string' || uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  const document = vscode.window.activeTextEditor?.document;
  if (document && isTopologyDocument(document)) return document;
  void vscode.window.showWarningMessage(`Open a Persistent Chat topology first: ${TOPOLOGY_FILES}.`);
  return undefined;
}

/** What both entries activate: the language client, the preview, the status bar and the commands. */
export async function activateWith(context: vscode.ExtensionContext, launcher: ServerLauncher): Promise<void> {
  const documentSelector: DocumentSelector = SERVED_LANGUAGES.flatMap((language) =>
    launcher.schemes ? launcher.schemes.map((scheme) => ({ scheme, language })) : [{ language }],
  );
  const initializationOptions: InitializationOptions = { ruleDocs: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString() };
  // The client id 'pchatTopology' makes it read the 'pchatTopology.trace.server' setting; its default
  // error handler restarts a crashed server, at most four times in three minutes.
  client = launcher.createClient('pchatTopology', 'Persistent Chat Topology', {
    documentSelector,
    initializationOptions,
    middleware: leaveOtherXmlAlone,
    synchronize: { configurationSection: 'pchatTopology' },
  });
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
    vscode.commands.registerCommand('pchatTopology.restartServer', async () => {
      await client?.stop();
      await client?.start();
    }),
  );
  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
