import type { OffsetEdit, TopologyEdits } from '../edits/topologyEdits';
import type { Topology } from '../model/model';
import type { TopologyIndex } from '../model/topologyIndex';
import type { SyntaxProblem } from '../parse/parseTopology';
import type { SchemaResult } from '../schema/schemaValidation';
import type { Suppression } from '../suppressions';
import type { FindingTag, RuleDocs, Span } from '../types';

export interface Fix {
  title: string;
  /** An undefined edit is one the document's style does not allow; the fix is then left out. */
  edits: (OffsetEdit | undefined)[];
  preferred?: boolean;
  /** See QuickFix.safe. */
  safe?: boolean;
}

export interface Report {
  span: Span;
  message: string;
  related?: { span: Span; message: string }[];
  fixes?: Fix[];
  tags?: FindingTag[];
}

/** What a rule can read and how it reports. */
export interface RuleContext {
  /** The document's text. */
  text: string;
  /** Where the text cannot be read in its syntax; the model is then empty. */
  syntaxProblems: readonly SyntaxProblem[];
  /** What the syntax's reader could not place in the model, and checked without. */
  notUnderstood: readonly SyntaxProblem[];
  /** The descriptor's JSON Schema verdict; empty for a syntax the schema does not describe. */
  schema: SchemaResult;
  topology: Topology;
  index: TopologyIndex;
  edits: TopologyEdits;
  /** The document's suppression comments. */
  suppressions: readonly Suppression[];
  /** Every rule id of the catalog. */
  ruleIds: ReadonlySet<string>;
  report(report: Report): void;
}

/** One rule of the catalog: its docs and its check. Register it in rules/index.ts. */
export interface Rule extends RuleDocs {
  check(context: RuleContext): void;
}
