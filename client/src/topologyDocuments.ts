import type * as vscode from 'vscode';
import { isTopologyDocument as isTopologyFile, LANGUAGE_ID, TOPOLOGY_BUILDER_LANGUAGE_ID } from '../../server/src/service/topologyFiles';

export { LANGUAGE_ID, TOOL_NAME, TOPOLOGY_BUILDER_LANGUAGE_ID } from '../../server/src/service/topologyFiles';

/** The languages the client hands the server: ours, and all XML, of which the server reads only Topology Builder's. */
export const SERVED_LANGUAGES = [LANGUAGE_ID, TOPOLOGY_BUILDER_LANGUAGE_ID, 'xml'];

/** The files a topology is read from, in the words of a message to the user. */
export const TOPOLOGY_FILES = 'a descriptor (*.topology.yaml), a topology saved by Topology Builder (*.tbxml), or the XML of Get-CsTopology -AsXml';

export function isTopologyDocument(document: vscode.TextDocument): boolean {
  return isTopologyFile(document.languageId, document.uri.path, () => document.getText());
}
