import * as vscode from 'vscode';
import { isTopologyDocument } from './topologyDocuments';

/** The context key the manifest's `when` clauses read for XML, whose root element no built-in context key tells. */
export const ACTIVE_IS_TOPOLOGY = 'pchatTopology.activeIsTopology';

/** Keeps `pchatTopology.activeIsTopology` true exactly while the active editor shows a topology, in any syntax. */
export class ActiveTopologyContext implements vscode.Disposable {
  private value: boolean | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    const isActive = (document: vscode.TextDocument) => document === vscode.window.activeTextEditor?.document;
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => isActive(e.document) && this.update()),
      // A change of language mode reopens the document under its new language.
      vscode.workspace.onDidOpenTextDocument((document) => isActive(document) && this.update()),
    ];
    this.update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const value = !!document && isTopologyDocument(document);
    if (value === this.value) return;
    this.value = value;
    void vscode.commands.executeCommand('setContext', ACTIVE_IS_TOPOLOGY, value);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
