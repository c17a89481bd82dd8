import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type TopologyAnalysis } from './languageService';
import { onlyFaultyValuesChanged } from './safeFixes';
import type { TextEdit, ValidationOptions } from './types';

export interface AppliedFix {
  code: string;
  title: string;
}

export interface FixAllResult {
  text: string;
  applied: AppliedFix[];
  /** Findings left that have quick fixes, none of them safe: the editor offers them, `--fix` does not choose. */
  needsChoice: AppliedFix[];
  analysis: TopologyAnalysis;
}

/** Passes are few: each applies every non-overlapping safe fix, and a later pass only picks up what the first one changed. */
const MAX_PASSES = 5;

interface Candidate {
  edits: TextEdit[];
  applied: AppliedFix;
}

/** The safe fixes of one analysis that do not overlap. */
function candidates({ document, findings }: TopologyAnalysis): Candidate[] {
  const taken: (readonly [number, number])[] = [];
  const result: Candidate[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.safe);
    if (!fix) continue;
    const spans = fix.edits.map((e) => [document.offsetAt(e.range.start), document.offsetAt(e.range.end)] as const);
    if (spans.some(([s, e]) => taken.some(([ts, te]) => s <= te && ts <= e))) continue;
    taken.push(...spans);
    result.push({ edits: fix.edits, applied: { code: finding.code, title: fix.title } });
  }
  return result;
}

/**
 * The safe fixes of one analysis that do not overlap, as one set of edits, each held to what a safe fix may
 * change (safeFixes.ts); one that changes more is left for the user to choose.
 */
export function safeFixEdits(analysis: TopologyAnalysis): SafeFixes {
  let result = verified.get(analysis);
  if (!result) verified.set(analysis, (result = verifiedSafeFixes(analysis)));
  return result;
}

interface SafeFixes {
  edits: TextEdit[];
  applied: AppliedFix[];
}

/** An editor asks for fix-all with every code action request: the check runs once per analysis. */
const verified = new WeakMap<TopologyAnalysis, SafeFixes>();

function verifiedSafeFixes(analysis: TopologyAnalysis): SafeFixes {
  const { document } = analysis;
  const text = document.getText();
  const holds = (set: Candidate[]) => onlyFaultyValuesChanged(text, TextDocument.applyEdits(document, set.flatMap((c) => c.edits)));
  let chosen = candidates(analysis);
  if (chosen.length && !holds(chosen)) {
    chosen = chosen.filter((c) => holds([c]));
    if (!holds(chosen)) chosen = chosen.slice(0, 1);
  }
  return { edits: chosen.flatMap((c) => c.edits), applied: chosen.map((c) => c.applied) };
}

/** Applies every fix that is safe without a choice, repeatedly, until none is left; `analysis` is of the fixed text. */
export function fixAll(text: string, options: ValidationOptions = {}): FixAllResult {
  const applied: AppliedFix[] = [];
  let analysis = analyze(text, options);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const step = safeFixEdits(analysis);
    if (step.edits.length === 0) break;
    applied.push(...step.applied);
    analysis = analyze(TextDocument.applyEdits(analysis.document, step.edits), options);
  }
  const needsChoice = analysis.findings.flatMap((f) => (f.fixes.length ? [{ code: f.code, title: f.fixes[0].title }] : []));
  return { text: analysis.document.getText(), applied, needsChoice, analysis };
}
