import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DiagramModel } from '../../../server/src/service/features/diagramModel';
import { DIAGRAM_MODEL_REQUEST } from '../../../server/src/lsp/protocol';
import { isTopologyDocument, TOPOLOGY_FILES } from '../topologyDocuments';
import type { DiagramTheme } from '../../../server/src/diagram/diagramPalette';
import { findingsSummary } from '../../../server/src/diagram/diagramStyle';
import { previewHtml } from './previewHtml';

type FromWebview =
  | { type: 'ready' }
  | { type: 'rendered'; nodes: number }
  | { type: 'reveal'; id: string; range: vscode.Range }
  | { type: 'export' }
  | { type: 'toggleLock' };

/** Small enough to feel live while typing, long enough to draw once per burst of keystrokes. */
const REDRAW_DELAY_MS = 60;

/** An exported drawing has the colours of the kind of theme VS Code shows; the preview itself follows the theme's own. */
function exportTheme(): DiagramTheme {
  const { kind } = vscode.window.activeColorTheme;
  return kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast ? 'dark' : 'light';
}

/** The one preview panel: it follows the active topology editor unless locked. */
export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private locked = false;
  private model: DiagramModel | undefined;
  private redrawTimer: NodeJS.Timeout | undefined;
  private drawing: Promise<void> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.subscriptions.push(
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
        localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media')],
      });
      this.panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'images', 'icon.png');
      this.panel.webview.html = this.html(this.panel.webview);
      this.panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m), undefined, this.subscriptions);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.document = undefined;
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

  /** Writes the drawing as a standalone SVG file the user chooses, in the colours of the current kind of theme. */
  async exportSvg(): Promise<void> {
    const document = this.document ?? vscode.window.activeTextEditor?.document;
    if (!document || !isTopologyDocument(document)) {
      void vscode.window.showWarningMessage(`To export a diagram, open a Persistent Chat topology first: ${TOPOLOGY_FILES}.`);
      return;
    }
    const svg = await this.render(document, exportTheme());
    if (!svg) return;
    const target = await vscode.window.showSaveDialog({
      defaultUri: document.uri.with({ path: document.uri.path.replace(/\.(ya?ml|tbxml|xml)$/i, '.svg') }),
      filters: { 'SVG image': ['svg'] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(svg, 'utf8'));
    void vscode.window.showInformationMessage(`Diagram exported to ${vscode.workspace.asRelativePath(target)}.`);
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
      // One drawing at a time; a change during a drawing asks for one more afterwards.
      if (this.drawing) {
        void this.drawing.then(() => this.scheduleRedraw(0));
        return;
      }
      this.drawing = this.redraw().finally(() => (this.drawing = undefined));
    }, delay);
  }

  private async render(document: vscode.TextDocument, theme?: DiagramTheme): Promise<string | undefined> {
    const model = await this.client.sendRequest<DiagramModel | null>(DIAGRAM_MODEL_REQUEST, { uri: document.uri.toString() });
    if (!model) return undefined;
    if (document === this.document) this.model = model;
    // Loaded on first use, so that activation does not pay for the layout engine.
    const { renderDiagramSvg } = await import('../../../server/src/diagram/renderSvg');
    return renderDiagramSvg(model, theme);
  }

  private async redraw(): Promise<void> {
    const document = this.document;
    if (!this.panel || !document) return;
    try {
      const svg = await this.render(document);
      if (document !== this.document || !this.panel) return;
      if (!svg) {
        void this.panel.webview.postMessage({ type: 'error', text: 'This file is too large to draw, or it is not a topology.' });
        return;
      }
      const counts = this.model?.counts;
      const status = counts ? findingsSummary(counts) : '';
      void this.panel.webview.postMessage({ type: 'update', svg, status });
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
    } else if (message.type === 'toggleLock') {
      this.toggleLock();
    } else if (message.type === 'ready') {
      this.scheduleRedraw(0);
    }
  }

  private editorColumn(): vscode.ViewColumn | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === this.document)?.viewColumn;
  }

  private html(webview: vscode.Webview): string {
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media', file)).toString();
    return previewHtml({ cspSource: webview.cspSource, nonce: randomBytes(16).toString('base64'), scriptUri: media('preview.js'), styleUri: media('preview.css'), title: 'Topology Preview' });
  }

  dispose(): void {
    clearTimeout(this.redrawTimer);
    this.panel?.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
