import { TextDocument } from 'vscode-languageserver-textdocument';
import { YamlEdits, type OffsetEdit } from './edits/yamlEdits';
import { buildModel } from './model/buildModel';
import type { Topology } from './model/model';
import { TopologyIndex } from './model/topologyIndex';
import { parseTopology, type ParsedTopology } from './parse/parseTopology';
import { ALL_RULES } from './rules';
import type { Fix, Report, Rule } from './rules/rule';
import { applySuppressions } from './suppressions';
import { LANGUAGE_ID } from './topologyFiles';
import { validateAgainstSchema, type SchemaResult } from './schema/schemaValidation';
import type { Finding, QuickFix, RuleDocs, Severity, Span, TextEdit, ValidationOptions } from './types';

/** Everything one run of the service learned about a text. */
export interface TopologyAnalysis {
  document: TextDocument;
  parsed: ParsedTopology;
  schema: SchemaResult;
  topology: Topology;
  index: TopologyIndex;
  findings: Finding[];
}

export function toDocument(text: string, uri = 'untitled:topology.topology.yaml'): TextDocument {
  return TextDocument.create(uri, LANGUAGE_ID, 0, text);
}

/** Values quoted in messages are the user's own text, which can be a megabyte long: shorten them. */
const LONG_QUOTED = /(['"])([^'"\n]{80})[^'"\n]{20,}\1/g;
const clipQuoted = (text: string) => text.replace(LONG_QUOTED, (_, quote: string, head: string) => `${quote}${head}…${quote}`);

function toRange(document: TextDocument, span: Span) {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** The fix as LSP-style edits; none when one of its edits could not be made. */
function toQuickFix(document: TextDocument, fix: Fix): QuickFix[] {
  if (!fix.edits.every((e): e is OffsetEdit => e !== undefined)) return [];
  const edits: TextEdit[] = fix.edits.map((e) => ({ range: toRange(document, e.span), newText: e.newText }));
  return [{ title: clipQuoted(fix.title), edits, isPreferred: fix.preferred ?? false, safe: fix.safe ?? false }];
}

function runRule(rule: Rule, severity: Severity, document: TextDocument, context: Omit<Parameters<Rule['check']>[0], 'report'>, findings: Finding[]): void {
  const report = (r: Report) =>
    findings.push({
      code: rule.id,
      severity,
      message: clipQuoted(r.message),
      range: toRange(document, r.span),
      related: (r.related ?? []).map((rel) => ({ range: toRange(document, rel.span), message: clipQuoted(rel.message) })),
      fixes: (r.fixes ?? []).flatMap((fix) => toQuickFix(document, fix)),
      tags: r.tags ?? [],
    });
  try {
    rule.check({ ...context, report });
  } catch (error) {
    report({ span: { start: 0, end: 0 }, message: `pchat-topology could not run rule ${rule.id} on this file (${(error as Error).message}); please report this.` });
  }
}

/** Parse → schema → model → rules, for one text. */
export function analyze(input: TextDocument | string, options: ValidationOptions = {}): TopologyAnalysis {
  const document = typeof input === 'string' ? toDocument(input) : input;
  const text = document.getText();
  const parsed = parseTopology(text);
  const judged = parsed.syntaxProblems.length === 0;
  const schema: SchemaResult = judged ? validateAgainstSchema(parsed.yaml, text, parsed.data) : { problems: [], faulted: new Set() };
  const topology = buildModel(parsed.yaml, text, schema.faulted, judged);
  const index = new TopologyIndex(topology);
  const context = { parsed, schema, topology, index, edits: new YamlEdits(text, parsed.eol) };
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    const setting = options.rules?.[rule.id] ?? rule.defaultSeverity;
    if (setting !== 'off') runRule(rule, setting, document, context, findings);
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { document, parsed, schema, topology, index, findings: applySuppressions(text, findings) };
}

export function validate(input: TextDocument | string, options: ValidationOptions = {}): Finding[] {
  return analyze(input, options).findings;
}

/** The catalog's docs of every rule, in id order. */
export const RULES: readonly RuleDocs[] = ALL_RULES.map(({ id, title, defaultSeverity, source, quote, quoteIsParaphrase }) => ({ id, title, defaultSeverity, source, quote, quoteIsParaphrase }));
