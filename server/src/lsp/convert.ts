import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  InsertTextMode,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
} from 'vscode-languageserver/node';
import { TOOL_NAME } from '../service/topologyFiles';
import type { TopologyCodeAction } from '../service/features/codeActions';
import type { CompletionEntry } from '../service/features/completion';
import type { TopologySymbol } from '../service/features/symbols';
import type { Finding, Severity } from '../service/types';
import type { RuleDocsLink } from './ruleDocs';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(uri: string, finding: Finding, ruleDocsUri: RuleDocsLink): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.code,
    codeDescription: { href: ruleDocsUri(finding.code) },
    source: TOOL_NAME,
    message: finding.message,
    relatedInformation: finding.related.map((r) => ({ location: { uri, range: r.range }, message: r.message })),
    tags: finding.tags.includes('unnecessary') ? [DiagnosticTag.Unnecessary] : undefined,
  };
}

export function toCodeAction(uri: string, action: TopologyCodeAction, ruleDocsUri: RuleDocsLink): CodeAction {
  return {
    title: action.title,
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.SourceFixAll,
    diagnostics: action.finding ? [toDiagnostic(uri, action.finding, ruleDocsUri)] : undefined,
    isPreferred: action.isPreferred || undefined,
    edit: { changes: { [uri]: action.edits } },
  };
}

const COMPLETION_KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionItem(entry: CompletionEntry, index: number): CompletionItem {
  return {
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    detail: entry.detail,
    documentation: entry.documentation ? { kind: 'markdown', value: entry.documentation } : undefined,
    insertText: entry.insertText,
    insertTextFormat: entry.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.adjustIndentation,
    sortText: String(index).padStart(4, '0'),
  };
}

const SYMBOL_KINDS: Record<TopologySymbol['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  site: SymbolKind.Module,
  sqlStore: SymbolKind.Struct,
  fileStore: SymbolKind.File,
  frontEndPool: SymbolKind.Class,
  persistentChatPool: SymbolKind.Class,
  server: SymbolKind.Object,
};

export function toDocumentSymbol(symbol: TopologySymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KINDS[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toDocumentSymbol),
  };
}
