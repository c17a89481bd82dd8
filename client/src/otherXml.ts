import type { Middleware } from 'vscode-languageclient/node';
import { isTopologyDocument } from './topologyDocuments';

/**
 * The client serves every XML document, as only its root element tells a Topology Builder topology. For any other
 * XML it asks the server nothing and answers nothing, so that folding, rename and the rest stay with other XML tools
 * (an empty answer would replace VS Code's own indentation folding, a refused rename would block theirs).
 */
export const leaveOtherXmlAlone: Middleware = {
  provideHover: (document, position, token, next) => (isTopologyDocument(document) ? next(document, position, token) : undefined),
  provideCompletionItem: (document, position, context, token, next) => (isTopologyDocument(document) ? next(document, position, context, token) : undefined),
  provideCodeActions: (document, range, context, token, next) => (isTopologyDocument(document) ? next(document, range, context, token) : undefined),
  provideDefinition: (document, position, token, next) => (isTopologyDocument(document) ? next(document, position, token) : undefined),
  provideReferences: (document, position, options, token, next) => (isTopologyDocument(document) ? next(document, position, options, token) : undefined),
  provideDocumentHighlights: (document, position, token, next) => (isTopologyDocument(document) ? next(document, position, token) : undefined),
  prepareRename: (document, position, token, next) => (isTopologyDocument(document) ? next(document, position, token) : undefined),
  provideRenameEdits: (document, position, newName, token, next) => (isTopologyDocument(document) ? next(document, position, newName, token) : undefined),
  provideDocumentSymbols: (document, token, next) => (isTopologyDocument(document) ? next(document, token) : undefined),
  provideFoldingRanges: (document, context, token, next) => (isTopologyDocument(document) ? next(document, context, token) : undefined),
  provideCodeLenses: (document, token, next) => (isTopologyDocument(document) ? next(document, token) : undefined),
};
