import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type TopologyAnalysis } from './languageService';
import type { TextEdit, ValidationOptions } from './types';

export interface AppliedFix {
  code: string;
  title: string;
}

export interface FixAllResult {
  text: string;
  applied: AppliedFix[];
}

/** Passes are few: each applies every non-overlapping safe fix, and a later pass only picks up what the first one changed. */
const MAX_PASSES = 5;

/** The safe fixes of one analysis that do not overlap, as one set of edits. */
export function safeFixEdits({ document, findings }: TopologyAnalysis): { edits: TextEdit[]; applied: AppliedFix[] } {
  const taken: (readonly [number, number])[] = [];
  const edits: TextEdit[] = [];
  const applied: AppliedFix[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.safe);
    if (!fix) continue;
    const spans = fix.edits.map((e) => [document.offsetAt(e.range.start), document.offsetAt(e.range.end)] as const);
    if (spans.some(([s, e]) => taken.some(([ts, te]) => s <= te && ts <= e))) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
    applied.push({ code: finding.code, title: fix.title });
  }
  return { edits, applied };
}

/** Applies every fix that is safe without a choice, repeatedly, until none is left. */
export function fixAll(text: string, options: ValidationOptions = {}): FixAllResult {
  const applied: AppliedFix[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const analysis = analyze(text, options);
    const step = safeFixEdits(analysis);
    if (step.edits.length === 0) break;
    applied.push(...step.applied);
    text = TextDocument.applyEdits(analysis.document, step.edits);
  }
  return { text, applied };
}
