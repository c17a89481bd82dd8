import type * as vscode from 'vscode';

export const LANGUAGE_ID = 'pchat-topology';

export function isTopologyDocument(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID || /\.topology\.ya?ml$/i.test(document.uri.path);
}
