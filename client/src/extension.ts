import type * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { activateWith } from './activation';

export { deactivate } from './activation';

/** The desktop entry: the language server runs as a Node process, over IPC. */
export function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  return activateWith(context, {
    schemes: ['file', 'untitled'],
    createClient: (id, name, options) =>
      new LanguageClient(id, name, {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
      }, options),
  });
}
