import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocumentContentChangeEvent, TextDocuments, type Connection, type Position } from 'vscode-languageserver/node';
import { TOOL_NAME } from '../service/topologyFiles';
import { didChangeParams, didCloseParams, didOpenParams, guard } from './paramsGuard';

/** The place inside the text: a line past the last is the end of the text, a character past a line's end is that end. */
const inside = (document: TextDocument, position: Position): Position => document.positionAt(document.offsetAt(position));

const samePosition = (a: Position, b: Position) => a.line === b.line && a.character === b.character;

/**
 * The open documents, kept in step with the client's notifications. Notifications with malformed params are
 * dropped. Each change's range is clamped to the text before it is applied: TextDocument.update corrupts its
 * line table on a range that starts past the last line. The first such range of a document is logged.
 */
export function syncDocuments(connection: Connection): TextDocuments<TextDocument> {
  const reported = new WeakSet<TextDocument>();

  function clamped(document: TextDocument, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
    if (!TextDocumentContentChangeEvent.isIncremental(change)) return change;
    const [start, end] = [inside(document, change.range.start), inside(document, change.range.end)];
    if ((!samePosition(start, change.range.start) || !samePosition(end, change.range.end)) && !reported.has(document)) {
      reported.add(document);
      const { start: from, end: to } = change.range;
      connection.console.warn(
        `${TOOL_NAME}: the client sent a change to ${document.uri} at ${from.line}:${from.character}-${to.line}:${to.character} (0-based line:character), outside the text's ${document.lineCount} lines or past a line's end. Such ranges are clamped to the text, which may now differ from the client's.`,
      );
    }
    const range = document.offsetAt(start) <= document.offsetAt(end) ? { start, end } : { start: end, end: start };
    return { range, text: change.text };
  }

  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (document, changes, version) => changes.reduce((doc, change) => TextDocument.update(doc, [clamped(doc, change)], version), document),
  });
  documents.listen({
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(guard(didOpenParams, handler)),
    onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(guard(didChangeParams, handler)),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(guard(didCloseParams, handler)),
    onWillSaveTextDocument: connection.onWillSaveTextDocument,
    onWillSaveTextDocumentWaitUntil: connection.onWillSaveTextDocumentWaitUntil,
    onDidSaveTextDocument: connection.onDidSaveTextDocument,
  });
  return documents;
}
