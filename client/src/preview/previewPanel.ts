import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { DiagramModel } from '../../../server/src/service/features/diagramModel';
import { DIAGRAM_MODEL_REQUEST } from '../../../server/src/lsp/protocol';
import { isTopologyDocument, TOPOLOGY_FILES } from '../topologyDocuments';
import type { DiagramTheme } from '../../../server/src/diagram/diagramPalette';
import { findingsSummary } from '../../../server/src/diagram/diagramStyle';
import { monitorHostBlocks } from './hostBlockMonitor';
import { previewHtml } from './previewHtml';

type FromWebview =
  | { type: 'ready' }
  | { type: 'rendered'; nodes: number; ms: number; workerMs: number }
  | { type: 'reveal'; id: string; range: vscode.Range }
  | { type: 'export' }
  | { type: 'exported'; id: number; svg?: string; error?: string }
  | { type: 'toggleLock' };

/** Small enough to feel live while typing, long enough to draw once per burst of keystrokes. */
const REDRAW_DELAY_MS = 60;
const CANNOT_DRAW = 'This file is too large to draw, or it is not a topology.';

/** An exported drawing has the colours of the kind of theme VS Code shows; the preview itself follows the theme's own. */
function exportTheme(): DiagramTheme {
  const { kind } = vscode.window.activeColorTheme;
  return kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast ? 'dark' : 'light';
}

function nonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The one preview panel: it follows the active topology editor unless locked. The extension host only asks the
 * language server for the diagram model and hands it to the webview, whose worker lays it out (ELK) and draws it.
 */
export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private locked = false;
  private model: DiagramModel | undefined;
  /** Settled once the page of the current panel listens for messages. */
  private pageReady: Promise<void> = Promise.resolve();
  private pageLoaded = false;
  private markPageReady = () => {};
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private drawing: Promise<void> | undefined;
  private exports = new Map<number, { resolve(svg: string): void; reject(error: Error): void }>();
  private nextExport = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: BaseLanguageClient,
  ) {
    this.subscriptions.push(
      monitorHostBlocks(),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && !this.locked && editor && isTopologyDocument(editor.document) && editor.document !== this.document) this.show(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.scheduleRedraw();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.document) this.highlightAt(e.selections[0].active);
      }),
    );
  }

  /** Opens (or moves) the preview on a document. */
  open(document: vscode.TextDocument, beside: boolean): void {
    const column = beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('pchatTopology.preview', 'Topology Preview', { viewColumn: column, preserveFocus: beside }, {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media'), vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview')],
      });
      this.pageReady = new Promise((resolve) => (this.markPageReady = resolve));
      this.pageLoaded = false;
      this.panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'images', 'icon.png');
      this.panel.webview.html = this.html(this.panel.webview);
      this.panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m), undefined, this.subscriptions);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.document = undefined;
        for (const { reject } of this.exports.values()) reject(new Error('the preview was closed'));
        this.exports.clear();
      });
    } else {
      this.panel.reveal(column, beside);
    }
    this.show(document);
  }

  get isOpen(): boolean {
    return !!this.panel;
  }

  toggleLock(): void {
    this.locked = !this.locked;
    void this.panel?.webview.postMessage({ type: 'locked', locked: this.locked });
    this.updateTitle();
  }

  /**
   * Writes the drawing as a standalone SVG file the user chooses, in the colours of the current kind of theme. The
   * preview's worker draws it (the preview opens beside the editor if it was closed), so that the host lays out
   * nothing.
   */
  async exportSvg(): Promise<void> {
    const document = this.document ?? vscode.window.activeTextEditor?.document;
    if (!document || !isTopologyDocument(document)) {
      void vscode.window.showWarningMessage(`To export a diagram, open a Persistent Chat topology first: ${TOPOLOGY_FILES}.`);
      return;
    }
    if (!this.panel) this.open(document, true);
    const target = await vscode.window.showSaveDialog({
      defaultUri: document.uri.with({ path: document.uri.path.replace(/\.(ya?ml|tbxml|xml)$/i, '.svg') }),
      filters: { 'SVG image': ['svg'] },
    });
    if (!target) return;
    try {
      const model = await this.requestModel(document);
      if (!model) {
        void vscode.window.showWarningMessage(CANNOT_DRAW);
        return;
      }
      const svg = await this.drawForExport(model, exportTheme());
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
      void vscode.window.showInformationMessage(`Diagram exported to ${vscode.workspace.asRelativePath(target)}.`);
    } catch (error) {
      void vscode.window.showErrorMessage(`The diagram could not be exported: ${(error as Error).message}`);
    }
  }

  private async drawForExport(model: DiagramModel, theme: DiagramTheme): Promise<string> {
    await this.pageReady;
    const id = this.nextExport++;
    const svg = new Promise<string>((resolve, reject) => this.exports.set(id, { resolve, reject }));
    if (!this.panel) throw new Error('the preview was closed');
    void this.panel.webview.postMessage({ type: 'export', id, model, theme });
    return svg;
  }

  private show(document: vscode.TextDocument): void {
    this.document = document;
    this.updateTitle();
    this.scheduleRedraw(0);
  }

  private updateTitle(): void {
    if (!this.panel || !this.document) return;
    const name = this.document.uri.path.split('/').pop();
    this.panel.title = `${this.locked ? '[Locked] ' : ''}Preview ${name}`;
  }

  private scheduleRedraw(delay = REDRAW_DELAY_MS): void {
    clearTimeout(this.redrawTimer);
    this.redrawTimer = setTimeout(() => {
      // One model at a time; a change while one is on its way asks for one more afterwards.
      if (this.drawing) {
        void this.drawing.then(() => this.scheduleRedraw(0));
        return;
      }
      this.drawing = this.redraw().finally(() => (this.drawing = undefined));
    }, delay);
  }

  private requestModel(document: vscode.TextDocument): Promise<DiagramModel | null> {
    return this.client.sendRequest<DiagramModel | null>(DIAGRAM_MODEL_REQUEST, { uri: document.uri.toString() });
  }

  private async redraw(): Promise<void> {
    const document = this.document;
    if (!this.panel || !document) return;
    try {
      const [model] = await Promise.all([this.requestModel(document), this.pageReady]);
      if (document !== this.document || !this.panel) return;
      this.model = model ?? undefined;
      if (!model) {
        void this.panel.webview.postMessage({ type: 'error', text: CANNOT_DRAW });
        return;
      }
      void this.panel.webview.postMessage({ type: 'model', model, status: findingsSummary(model.counts) });
    } catch (error) {
      void this.panel?.webview.postMessage({ type: 'error', text: `The diagram could not be drawn: ${(error as Error).message}` });
    }
  }

  /** The smallest entity whose text (YAML, or Topology Builder's XML element) holds the cursor. */
  private highlightAt(position: vscode.Position): void {
    if (!this.panel || !this.model) return;
    let best: { id: string; size: number } | undefined;
    for (const node of this.model.nodes) {
      const range = new vscode.Range(node.range.start.line, node.range.start.character, node.range.end.line, node.range.end.character);
      if (!range.contains(position) || node.kind === 'dataCenter') continue;
      const size = (range.end.line - range.start.line) * 1000 + (range.end.character - range.start.character);
      if (!best || size < best.size) best = { id: node.id, size };
    }
    void this.panel.webview.postMessage({ type: 'highlight', id: best?.id });
  }

  private async onMessage(message: FromWebview): Promise<void> {
    if (message.type === 'reveal' && this.document) {
      const editor = await vscode.window.showTextDocument(this.document, { viewColumn: this.editorColumn(), preserveFocus: false });
      const range = new vscode.Range(message.range.start.line, message.range.start.character, message.range.end.line, message.range.end.character);
      // The entity's text (its YAML, or its XML element) is selected with the cursor at its first line, which is what comes into view.
      editor.selection = new vscode.Selection(range.end, range.start);
      editor.revealRange(new vscode.Range(range.start, range.start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } else if (message.type === 'export') {
      await this.exportSvg();
    } else if (message.type === 'exported') {
      const pending = this.exports.get(message.id);
      this.exports.delete(message.id);
      if (message.svg) pending?.resolve(message.svg);
      else pending?.reject(new Error(message.error ?? 'the preview drew nothing'));
    } else if (message.type === 'toggleLock') {
      this.toggleLock();
    } else if (message.type === 'ready') {
      // A page that loads again (as VS Code may reload a webview) has lost its drawing.
      if (this.pageLoaded) this.scheduleRedraw(0);
      this.pageLoaded = true;
      this.markPageReady();
    }
  }

  private editorColumn(): vscode.ViewColumn | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === this.document)?.viewColumn;
  }

  private html(webview: vscode.Webview): string {
    const uri = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...path)).toString();
    return previewHtml({
      cspSource: webview.cspSource,
      nonce: nonce(),
      scriptUri: uri('client', 'media', 'preview.js'),
      styleUri: uri('client', 'media', 'preview.css'),
      workerUri: uri('dist', 'webview', 'diagramWorker.js'),
      title: 'Topology Preview',
    });
  }

  dispose(): void {
    clearTimeout(this.redrawTimer);
    this.panel?.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
