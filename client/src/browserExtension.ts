import * as vscode from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { activateWith } from './activation';

export { deactivate } from './activation';

interface ServerWorker {
  terminate(): void;
}

/** The web extension host's Worker (vscode.dev, github.dev). */
declare const Worker: new (url: string, options: { name: string }) => ServerWorker;

/** A client whose server is a new web worker each time it starts, so that a restart starts a fresh server. */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: ServerWorker | undefined;

  constructor(
    id: string,
    name: string,
    options: LanguageClientOptions,
    private readonly serverScript: string,
  ) {
    super(id, name, options);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    const worker = new Worker(this.serverScript, { name: 'Persistent Chat Topology language server' });
    this.worker = worker;
    return Promise.resolve({ reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) });
  }

  async stop(timeout?: number): Promise<void> {
    await super.stop(timeout);
    this.worker?.terminate();
    this.worker = undefined;
  }
}

/** The web entry: the language server runs in a web worker, from the extension's own dist/browser/server.js. */
export function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverScript = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js').toString(true);
  return activateWith(context, { createClient: (id, name, options) => new WorkerLanguageClient(id, name, options, serverScript) });
}
