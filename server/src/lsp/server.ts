import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentHighlightKind,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver/node';
import { codeActions } from '../service/features/codeActions';
import { poolLenses } from '../service/features/codeLens';
import { complete } from '../service/features/completion';
import { foldingRanges } from '../service/features/folding';
import { hover } from '../service/features/hover';
import { diagramModel } from '../service/features/diagramModel';
import { definition, highlights, prepareRename, references, rename, RenameError } from '../service/features/navigation';
import { documentSymbols } from '../service/features/symbols';
import { analyzeIncrementally } from '../service/incremental/incrementalAnalysis';
import type { TopologyAnalysis } from '../service/languageService';
import { isTopologyDocument, TOOL_NAME } from '../service/topologyFiles';
import type { ValidationOptions } from '../service/types';
import { toCodeAction, toCompletionItem, toDiagnostic, toDocumentSymbol } from './convert';
import { syncDocuments } from './documentSync';
import { codeActionParams, diagramModelParams, guard, positionParams, referenceParams, renameParams, textDocumentParams } from './paramsGuard';
import { DIAGRAM_MODEL_REQUEST, OPEN_PREVIEW_TO_SIDE_COMMAND } from './protocol';
import { ruleDocsLink, type RuleDocsLink } from './ruleDocs';
import { SettingsCache } from './settings';
import { ValidationScheduler } from './validationScheduler';

/** Larger files are not analysed: a real topology is a few hundred kilobytes at most. */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
const REQUEST_FAILED = -32803;

const isTopology = (doc: TextDocument) => isTopologyDocument(doc.languageId, doc.uri, () => doc.getText());

/**
 * LSP glue: every answer comes from the language service. `ownRuleDocs` is the folder of the rule pages when the client
 * names none in `initializationOptions.ruleDocs` (a server in a web worker knows no folder of its own).
 */
export function startServer(connection: Connection, ownRuleDocs?: string): void {
  let ruleDocsUri: RuleDocsLink = () => ''; // set by initialize, before any document is open
  const documents = syncDocuments(connection);
  const settings = new SettingsCache(connection);
  const cache = new Map<string, { version: number; options: ValidationOptions; analysis: TopologyAnalysis }>();

  /**
   * The analysis of the document's current version, computed at most once per version and settings, from the
   * previous one where the text did not change (which uses it up).
   */
  function analysisOf(doc: TextDocument, options: ValidationOptions): TopologyAnalysis | undefined {
    if (!isTopology(doc) || doc.getText().length > MAX_DOCUMENT_BYTES) return undefined;
    const cached = cache.get(doc.uri);
    if (cached?.version === doc.version && cached.options === options) return cached.analysis;
    cache.delete(doc.uri); // used up from here on, whether or not the new one gets built
    const analysis = analyzeIncrementally(doc, options, cached?.analysis);
    cache.set(doc.uri, { version: doc.version, options, analysis });
    return analysis;
  }

  /**
   * Answers a request from the current analysis; a failure is logged and answered with `fallback`, never a crash.
   * A position on a line the document does not have is answered with `fallback` too.
   */
  function withAnalysis<R>(uri: string, fallback: R, answer: (analysis: TopologyAnalysis) => R, position?: Position): Promise<R> {
    const doc = documents.get(uri);
    if (!doc || (position && position.line >= doc.lineCount)) return Promise.resolve(fallback);
    return settings.get(uri).then((options) => {
      const current = documents.get(uri);
      const analysis = current && analysisOf(current, options);
      if (!analysis) return fallback;
      if (position && position.line >= current.lineCount) return fallback;
      try {
        return answer(analysis);
      } catch (error) {
        if (error instanceof RenameError) throw new ResponseError(REQUEST_FAILED, error.message);
        connection.console.error(`${TOOL_NAME}: ${(error as Error).stack ?? error}`);
        return fallback;
      }
    });
  }

  /** Documents with diagnostics out: an XML file edited into some other XML must lose them. */
  const published = new Set<string>();

  /** Publishes the diagnostics of the document's current version; resolves with the milliseconds its analysis took. */
  async function validate(uri: string): Promise<number> {
    const options = await settings.get(uri);
    const doc = documents.get(uri);
    if (!doc) return 0;
    if (!isTopology(doc)) {
      if (published.delete(uri)) await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      return 0;
    }
    published.add(uri);
    if (doc.getText().length > MAX_DOCUMENT_BYTES) {
      const megabytes = (doc.getText().length / 1024 / 1024).toFixed(1);
      const message = `This file is ${megabytes} MB; ${TOOL_NAME} checks files up to ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB. Split the topology or use the command line.`;
      await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message, source: TOOL_NAME, severity: DiagnosticSeverity.Warning }] });
      return 0;
    }
    const { version } = doc;
    const started = performance.now();
    const analysis = analysisOf(doc, options)!;
    const analysisMs = performance.now() - started;
    // A newer version's validation is scheduled already: these findings would be stale.
    if (documents.get(uri)?.version !== version) return analysisMs;
    await connection.sendDiagnostics({ uri, version, diagnostics: analysis.findings.map((f) => toDiagnostic(uri, f, ruleDocsUri)) });
    return analysisMs;
  }

  const scheduler = new ValidationScheduler((uri) =>
    validate(uri).catch((error) => {
      connection.console.error(`${TOOL_NAME}: validation failed: ${(error as Error).stack ?? error}`);
      return 0;
    }),
  );

  connection.onInitialize((params): InitializeResult => {
    const link = ruleDocsLink(params.initializationOptions, ownRuleDocs);
    if (!link) throw new ResponseError(ErrorCodes.InvalidParams, 'initializationOptions.ruleDocs must name the folder of the rule pages, as a URI');
    ruleDocsUri = link;
    settings.supported = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: `${TOOL_NAME}-server` },
    };
  });

  connection.onInitialized(() => {
    if (settings.supported) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  });

  connection.onDidChangeConfiguration(() => {
    settings.forget();
    for (const doc of documents.all()) scheduler.schedule(doc.uri);
  });

  documents.onDidOpen((e) => scheduler.schedule(e.document.uri));
  documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri));
  documents.onDidClose((e) => {
    scheduler.cancel(e.document.uri);
    cache.delete(e.document.uri);
    settings.forget(e.document.uri);
    published.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // Registered with onRequest, not onHover and the like: those read the params (workDoneToken) before the guard can.
  connection.onRequest(
    HoverRequest.type,
    guard(positionParams, ({ textDocument, position }) =>
      withAnalysis(textDocument.uri, null, (a) => {
        const result = hover(a, position, ruleDocsUri);
        return result ? { contents: { kind: 'markdown', value: result.markdown }, range: result.range } : null;
      }, position),
    ),
  );
  connection.onRequest(
    CompletionRequest.type,
    guard(positionParams, ({ textDocument, position }) => withAnalysis(textDocument.uri, [], (a) => complete(a, position).map(toCompletionItem), position)),
  );
  connection.onRequest(
    CodeActionRequest.type,
    guard(codeActionParams, ({ textDocument, range, context }) =>
      withAnalysis(textDocument.uri, [], (a) => codeActions(a, range, context.only).map((action) => toCodeAction(textDocument.uri, action, ruleDocsUri))),
    ),
  );
  connection.onRequest(
    DefinitionRequest.type,
    guard(positionParams, ({ textDocument, position }) =>
      withAnalysis(textDocument.uri, null, (a) => {
        const range = definition(a, position);
        return range ? { uri: textDocument.uri, range } : null;
      }, position),
    ),
  );
  connection.onRequest(
    ReferencesRequest.type,
    guard(referenceParams, ({ textDocument, position, context }) =>
      withAnalysis(textDocument.uri, [], (a) => references(a, position, context.includeDeclaration).map((range) => ({ uri: textDocument.uri, range })), position),
    ),
  );
  connection.onRequest(
    DocumentHighlightRequest.type,
    guard(positionParams, ({ textDocument, position }) =>
      withAnalysis(textDocument.uri, [], (a) =>
        highlights(a, position).map((o) => ({ range: o.range, kind: o.isDefinition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read })),
        position,
      ),
    ),
  );
  connection.onRequest(
    PrepareRenameRequest.type,
    guard(positionParams, ({ textDocument, position }) => withAnalysis(textDocument.uri, null, (a) => prepareRename(a, position) ?? null, position)),
  );
  connection.onRequest(
    RenameRequest.type,
    guard(renameParams, ({ textDocument, position, newName }) =>
      withAnalysis(textDocument.uri, null, (a) => ({ changes: { [textDocument.uri]: rename(a, position, newName) } }), position),
    ),
  );
  connection.onRequest(
    DocumentSymbolRequest.type,
    guard(textDocumentParams, ({ textDocument }) => withAnalysis(textDocument.uri, [], (a) => documentSymbols(a).map(toDocumentSymbol))),
  );
  connection.onRequest(
    FoldingRangeRequest.type,
    guard(textDocumentParams, ({ textDocument }) => withAnalysis(textDocument.uri, [], (a) => foldingRanges(a))),
  );
  connection.onRequest(
    CodeLensRequest.type,
    guard(textDocumentParams, ({ textDocument }) =>
      withAnalysis(textDocument.uri, [], (a) =>
        poolLenses(a).flatMap((lens) => [
          { range: lens.range, command: { title: lens.summary, command: '' } },
          { range: lens.range, command: { title: 'Open preview', command: OPEN_PREVIEW_TO_SIDE_COMMAND, arguments: [textDocument.uri, lens.poolId] } },
        ]),
      ),
    ),
  );

  connection.onRequest(DIAGRAM_MODEL_REQUEST, guard(diagramModelParams, ({ uri }) => withAnalysis(uri, null, diagramModel)));

  connection.listen();
}
