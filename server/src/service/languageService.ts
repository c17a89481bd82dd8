import { TextDocument } from 'vscode-languageserver-textdocument';
import { NO_EDITS, type OffsetEdit } from './edits/topologyEdits';
import { YamlEdits } from './edits/yamlEdits';
import { buildModel } from './model/buildModel';
import { judgedTopology } from './model/judgedTopology';
import type { Topology } from './model/model';
import { TopologyIndex } from './model/topologyIndex';
import { parseTopology, type ParsedTopology } from './parse/parseTopology';
import { ALL_RULES } from './rules';
import { unknownSuppressionId } from './rules/pc009-unknown-suppression-id';
import type { Fix, Report, Rule, RuleContext } from './rules/rule';
import { applySuppressions, readSuppressions, unusedSuppressions, type Suppression } from './suppressions';
import { LANGUAGE_ID, syntaxOf } from './topologyFiles';
import { validateAgainstSchema, type SchemaResult } from './schema/schemaValidation';
import { readTopologyBuilder, type TopologyBuilderReading } from './topologyBuilder/readTopologyBuilder';
import type { Finding, QuickFix, RuleDocs, Severity, Span, TextEdit, ValidationOptions } from './types';

/** A text as its syntax read it: what the editor features of that syntax need beyond the model. */
export type TopologySource = { syntax: 'yaml'; parsed: ParsedTopology } | { syntax: 'topologyBuilder'; reading: TopologyBuilderReading };

/** Everything one run of the service learned about a text. */
export interface TopologyAnalysis {
  document: TextDocument;
  source: TopologySource;
  topology: Topology;
  index: TopologyIndex;
  findings: Finding[];
}

export function toDocument(text: string, uri = 'untitled:topology.topology.yaml'): TextDocument {
  return TextDocument.create(uri, LANGUAGE_ID, 0, text);
}

/**
 * Values quoted in messages are the user's own text, which can be a megabyte long: shorten them. A quoted value
 * opens after a space or bracket and closes before one, so the words between two quoted values are never taken
 * for one.
 */
const LONG_QUOTED = /(?<=^|[\s([{,])(['"])([^'"\n]{80})[^'"\n]{20,}\1(?=$|[\s)\]},.;:])/g;
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

function toFinding(document: TextDocument, code: string, severity: Severity, r: Report): Finding {
  return {
    code,
    severity,
    message: clipQuoted(r.message),
    range: toRange(document, r.span),
    related: (r.related ?? []).map((rel) => ({ range: toRange(document, rel.span), message: clipQuoted(rel.message) })),
    fixes: (r.fixes ?? []).flatMap((fix) => toQuickFix(document, fix)),
    tags: r.tags ?? [],
  };
}

/** A finding's message, with what to change in Topology Builder where the file is Topology Builder's (no fix edits it). */
function messageIn(source: TopologySource, rule: Rule, message: string): string {
  return source.syntax === 'topologyBuilder' && rule.inTopologyBuilder ? `${message} In Topology Builder: ${rule.inTopologyBuilder}` : message;
}

function runRule(rule: Rule, severity: Severity, document: TextDocument, source: TopologySource, context: Omit<RuleContext, 'report'>, findings: Finding[]): void {
  const report = (r: Report) => findings.push(toFinding(document, rule.id, severity, { ...r, message: messageIn(source, rule, r.message) }));
  try {
    rule.check({ ...context, report });
  } catch (error) {
    report({ span: { start: 0, end: 0 }, message: `pchat-topology could not run rule ${rule.id} on this file (${(error as Error).message}); please report this.` });
  }
}

/** What the rules of one text read, and the whole model the editor features read. */
export interface RuleInput {
  source: TopologySource;
  topology: Topology;
  index: TopologyIndex;
  context: Omit<RuleContext, 'report'>;
}

/** What one syntax reads off a text: the model, and what the rules about the text itself judge. */
type SyntaxReading = Pick<RuleContext, 'text' | 'syntaxProblems' | 'notUnderstood' | 'schema' | 'edits' | 'suppressions'> & { source: TopologySource; topology: Topology };

const NO_SCHEMA: SchemaResult = { problems: [], faulted: new Set() };

/** A descriptor's YAML read beforehand (incremental/incrementalAnalysis.ts): its parse, its suppression comments, and its model. */
export interface YamlReading {
  parsed: ParsedTopology;
  suppressions: Suppression[];
  /** The model buildModel reads, given the values the schema faulted. */
  model: (faulted: ReadonlySet<string>) => Topology;
}

function readYaml(document: TextDocument, text: string, yaml?: YamlReading): SyntaxReading {
  const parsed = yaml?.parsed ?? parseTopology(text);
  const readable = parsed.syntaxProblems.length === 0;
  const schema = readable ? validateAgainstSchema(parsed.yaml, text, parsed.data) : NO_SCHEMA;
  return {
    source: { syntax: 'yaml', parsed },
    topology: yaml ? yaml.model(schema.faulted) : buildModel(parsed.yaml, text, schema.faulted, readable),
    text,
    syntaxProblems: parsed.syntaxProblems,
    notUnderstood: [],
    schema,
    edits: new YamlEdits(parsed.yaml, text, parsed.eol),
    suppressions: yaml?.suppressions ?? readSuppressions(text, RULE_IDS, (offset) => document.positionAt(offset).line),
  };
}

/** The file name without folder or extension: the topology's name where the syntax names none. */
function fileStem(uri: string): string {
  const base = uri.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

/** Topology Builder owns its files: the rules judge them, but no fix edits them. */
function readTopologyBuilderXml(document: TextDocument, text: string): SyntaxReading {
  const reading = readTopologyBuilder(text, fileStem(document.uri));
  return {
    source: { syntax: 'topologyBuilder', reading },
    topology: reading.topology,
    text,
    syntaxProblems: reading.syntaxProblems,
    notUnderstood: reading.notUnderstood,
    schema: NO_SCHEMA,
    edits: NO_EDITS,
    suppressions: [],
  };
}

/** Parse → schema → model in the document's syntax, and the model as the rules see it (judgedTopology.ts). */
export function ruleInput(document: TextDocument, yaml?: YamlReading): RuleInput {
  const text = document.getText();
  const { source, topology, ...reading } =
    syntaxOf(document.languageId, document.uri) === 'topologyBuilder' ? readTopologyBuilderXml(document, text) : readYaml(document, text, yaml);
  const index = new TopologyIndex(topology);
  const judged = judgedTopology(topology);
  const context = { ...reading, topology: judged, index: judged === topology ? index : new TopologyIndex(judged), ruleIds: RULE_IDS };
  return { source, topology, index, context };
}

/** Parse → schema → model → rules, for one text; a descriptor's YAML may come read beforehand. */
export function analyze(input: TextDocument | string, options: ValidationOptions = {}, yaml?: YamlReading): TopologyAnalysis {
  const document = typeof input === 'string' ? toDocument(input) : input;
  const { source, topology, index, context } = ruleInput(document, yaml);
  const { suppressions } = context;
  const severityOf = (rule: Rule) => options.rules?.[rule.id] ?? rule.defaultSeverity;
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    const setting = severityOf(rule);
    if (setting !== 'off') runRule(rule, setting, document, source, context, findings);
  }
  const suppressed = applySuppressions(findings, suppressions);
  const unusedSeverity = severityOf(unknownSuppressionId);
  if (options.reportUnusedSuppressions && unusedSeverity !== 'off') {
    for (const unused of unusedSuppressions(suppressed)) suppressed.findings.push(toFinding(document, unknownSuppressionId.id, unusedSeverity, unused));
  }
  suppressed.findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { document, source, topology, index, findings: suppressed.findings };
}

export function validate(input: TextDocument | string, options: ValidationOptions = {}): Finding[] {
  return analyze(input, options).findings;
}

export const RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id));

/** The catalog's docs of every rule, in id order. */
export const RULES: readonly RuleDocs[] = ALL_RULES.map(({ id, title, defaultSeverity, sources, inference, quote, quoteIsParaphrase }) => ({
  id,
  title,
  defaultSeverity,
  sources,
  inference,
  quote,
  quoteIsParaphrase,
}));
