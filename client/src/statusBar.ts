import * as vscode from 'vscode';
import { isTopologyDocument, TOOL_NAME } from './topologyDocuments';

/** Error and warning counts of the active topology file; a click opens the Problems view. */
export class TopologyStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pchatTopology.status', vscode.StatusBarAlignment.Left, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = 'Persistent Chat Topology';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions = [vscode.window.onDidChangeActiveTextEditor(() => this.update()), vscode.languages.onDidChangeDiagnostics(() => this.update())];
    this.update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isTopologyDocument(document)) {
      this.item.hide();
      return;
    }
    const ours = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === TOOL_NAME);
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = `$(error) ${errors} $(warning) ${warnings} Topology`;
    this.item.tooltip = `Persistent Chat topology: ${errors} error(s), ${warnings} warning(s). Click to open the Problems view.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
