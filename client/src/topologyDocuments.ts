import type * as vscode from 'vscode';
import { isTopologyDocument as isTopologyFile } from '../../server/src/service/topologyFiles';

export { LANGUAGE_ID, TOOL_NAME } from '../../server/src/service/topologyFiles';

export function isTopologyDocument(document: vscode.TextDocument): boolean {
  return isTopologyFile(document.languageId, document.uri.path);
}
