import { looksLikeTopologyBuilder } from './topologyBuilder/prolog';

/** What names the tool and its files; the server, the CLI and the VS Code client share it. */

export const TOOL_NAME = 'pchat-topology';

export const LANGUAGE_ID = 'pchat-topology';

/** Topology Builder's saved files (`.tbxml`); its published XML keeps the editor's own `xml` language. */
export const TOPOLOGY_BUILDER_LANGUAGE_ID = 'pchat-topology-builder';

/** The syntaxes a topology is read from: the descriptor's YAML, or Topology Builder's XML. */
export type TopologySyntax = 'yaml' | 'topologyBuilder';

const DESCRIPTOR_NAME = /\.topology\.ya?ml$/i;
const TOPOLOGY_BUILDER_NAME = /\.tbxml$/i;
const XML_NAME = /\.xml$/i;

/** The syntax a document is read in: Topology Builder's for its language or an XML file name, else the descriptor's. */
export function syntaxOf(languageId: string, uriOrPath: string): TopologySyntax {
  if (languageId === TOPOLOGY_BUILDER_LANGUAGE_ID || languageId === 'xml' || TOPOLOGY_BUILDER_NAME.test(uriOrPath) || XML_NAME.test(uriOrPath)) return 'topologyBuilder';
  return 'yaml';
}

/**
 * Whether an editor's document is a topology: by language id or file name, and an XML document by its root
 * element, since other XML belongs to other tools.
 */
export function isTopologyDocument(languageId: string, uriOrPath: string, text: () => string): boolean {
  if (languageId === LANGUAGE_ID || languageId === TOPOLOGY_BUILDER_LANGUAGE_ID) return true;
  if (DESCRIPTOR_NAME.test(uriOrPath) || TOPOLOGY_BUILDER_NAME.test(uriOrPath)) return true;
  return (languageId === 'xml' || XML_NAME.test(uriOrPath)) && looksLikeTopologyBuilder(text());
}
