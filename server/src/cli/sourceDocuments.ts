import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDocument } from '../service/languageService';
import { looksLikeTopologyBuilder } from '../service/topologyBuilder/prolog';
import { syntaxOf, type TopologySyntax } from '../service/topologyFiles';
import { DEFAULT_STDIN_NAME, type Source } from './inputFiles';

/** The name standard input is read under when it holds Topology Builder XML and --stdin-filename names none. */
export const TOPOLOGY_BUILDER_STDIN_URI = 'untitled:stdin.tbxml';

/**
 * The document the service reads for a source, named by the file's URI: its name tells the service the syntax
 * (`.tbxml` and `.xml` are Topology Builder's). Standard input without --stdin-filename is Topology Builder's when
 * its root element says so (`Get-CsTopology -AsXml | pchat-topology check -`), else `unnamedStdin`, by default the
 * service's untitled descriptor.
 */
export function sourceDocument(source: Source, text: string, unnamedStdin?: string): TextDocument {
  if (!source.stdin || source.name !== DEFAULT_STDIN_NAME) return toDocument(text, pathToFileURL(resolve(source.name)).href);
  return toDocument(text, looksLikeTopologyBuilder(text) ? TOPOLOGY_BUILDER_STDIN_URI : unnamedStdin);
}

export const syntaxOfDocument = (document: TextDocument): TopologySyntax => syntaxOf(document.languageId, document.uri);
