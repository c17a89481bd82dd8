import type { MicrosoftPage } from './rules/sources';

/** Public types of the language service. Positions are LSP's: 0-based lines, UTF-16 characters. */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A stretch of the document text as offsets: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The fix to offer first. */
  isPreferred: boolean;
  /**
   * Applied by `check --fix` and fix-all without asking: it changes only the faulty value itself (sets a state,
   * removes a key that is ignored, puts back the catalog's default). A fix that deletes list items, adds an
   * entity, or changes an id, an FQDN or a reference is never safe, whatever the rule claims (see safeFixes.ts).
   */
  safe: boolean;
}

export interface RelatedLocation {
  range: Range;
  message: string;
}

export type FindingTag = 'unnecessary';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  related: RelatedLocation[];
  fixes: QuickFix[];
  tags: FindingTag[];
}

export interface RuleDocs {
  id: string;
  title: string;
  defaultSeverity: Severity;
  /** The Microsoft pages the rule enforces (rules/sources.ts), the one `quote` is from first; none where the rule is ours alone. */
  sources: readonly MicrosoftPage[];
  /** Where the rule is our inference rather than Microsoft's word: one plain sentence saying so. */
  inference?: string;
  /** Microsoft's sentence on the first of `sources` that the rule enforces, verbatim; none where the rule is ours alone. */
  quote?: string;
  /** The quote is the source's rule in our words, where Microsoft states it only across several pages or in other terms. */
  quoteIsParaphrase?: boolean;
  /**
   * What to change in Topology Builder, told with a finding in one of its files, which the tool does not edit: one
   * sentence in Topology Builder's own words. Absent where the rule judges what Topology Builder does not hold.
   */
  inTopologyBuilder?: string;
}

export interface ValidationOptions {
  /** Per-rule severity overrides; 'off' silences a rule. */
  rules?: Readonly<Record<string, SeveritySetting>>;
  /** Report each suppression comment (or rule id in one) that silenced nothing, as a PC009 finding. */
  reportUnusedSuppressions?: boolean;
}
