import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type ProtocolConnection,
  type ResponseMessage,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type LogMessageParams,
} from 'vscode-languageserver-protocol/node';
import { REPO } from '../helpers';

/** A reader that first offers each message to `intercept`, and hands the connection those it does not take. */
class InterceptingReader extends StreamMessageReader {
  constructor(
    readable: NodeJS.ReadableStream,
    private readonly intercept: (message: Message) => boolean,
  ) {
    super(readable);
  }

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      if (!this.intercept(message)) callback(message);
    });
  }
}

/** The built server as a child process, driven over stdio as an editor would. */
export class LspClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  private readonly writer: StreamMessageWriter;
  /** Waiters for the responses to `rawRequest`, by request id. */
  private readonly rawResponses = new Map<string, (response: ResponseMessage) => void>();
  private rawRequests = 0;
  /** What `workspace/configuration` answers for section 'pchatTopology'. */
  settings: unknown = {};
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  stderr = '';

  constructor() {
    this.child = spawn(process.execPath, [join(REPO, 'bin', 'pchat-topology-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.writer = new StreamMessageWriter(this.child.stdin!);
    const reader = new InterceptingReader(this.child.stdout!, (message) => this.takeRawResponse(message as ResponseMessage));
    this.connection = createProtocolConnection(reader, this.writer);
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification('initialized', {});
  }

  open(uri: string, text: string, version = 1, languageId = 'pchat-topology'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Sends `textDocument/didChange`; a change without `range` replaces the whole text. */
  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Replaces the whole text of an open document. */
  replace(uri: string, version: number, text: string): Promise<void> {
    return this.change(uri, version, [{ text }]);
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Sends a request and resolves with its result; an error response rejects with a ResponseError (code, message). */
  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /**
   * Sends a request with exactly these `params` (`request` would send `null` as `[null]`), and resolves with the
   * response message, error or not.
   */
  rawRequest(method: string, params: unknown): Promise<ResponseMessage> {
    const id = `raw-${++this.rawRequests}`;
    const response = new Promise<ResponseMessage>((resolve) => this.rawResponses.set(id, resolve));
    return this.writer.write({ jsonrpc: '2.0', id, method, params } as Message).then(() => response);
  }

  /** Hands a response to `rawRequest`'s waiter; false for any other message. */
  private takeRawResponse(response: ResponseMessage): boolean {
    const waiter = typeof response.id === 'string' ? this.rawResponses.get(response.id) : undefined;
    if (!waiter) return false;
    this.rawResponses.delete(response.id as string);
    waiter(response);
    return true;
  }

  /** Sends a notification with exactly these `params`. */
  rawNotification(method: string, params: unknown): Promise<void> {
    return this.writer.write({ jsonrpc: '2.0', method, params } as Message);
  }

  /** Waits until the server's stderr matches `pattern`, or fails after `ms`. */
  async waitForStderr(pattern: RegExp, ms = 5000): Promise<string> {
    const deadline = Date.now() + ms;
    while (!pattern.test(this.stderr)) {
      if (Date.now() > deadline) throw new Error(`stderr did not match ${pattern} within ${ms} ms; stderr:\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.stderr;
  }

  /** Tells the server that settings changed; it then asks `workspace/configuration` again (answered from `settings`). */
  changeConfiguration(): Promise<void> {
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Waits for a notification for `uri`, among those received after the first `mark` ones, that satisfies `accept`. */
  waitForDiagnosticsAfter(uri: string, mark: number, accept: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 5000): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, (p) => this.published(uri).indexOf(p) >= mark && accept(p), ms);
  }

  /** From now on keeps the server's `window/logMessage` notifications (otherwise dropped) in the list returned. */
  recordLogMessages(): LogMessageParams[] {
    const messages: LogMessageParams[] = [];
    this.connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      messages.push(params);
    });
    return messages;
  }

  /** Whether the server process is still running. */
  isAlive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Every diagnostics notification received for a document, oldest first. */
  published(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  /** Waits until a notification for `uri` satisfies `accept` (default: any), or fails after `ms`. */
  async waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 5000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.published(uri).find(accept);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri} within ${ms} ms; got ${JSON.stringify(this.published(uri).map((p) => p.version))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}
