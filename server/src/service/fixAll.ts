import { analyze } from './languageService';
import type { QuickFix, TextEdit, ValidationOptions } from './types';
import { TextDocument } from 'vscode-languageserver-textdocument';

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

const offsetsOf = (doc: TextDocument, fix: QuickFix) => fix.edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as const);

/** Applies every fix that is safe without a choice, repeatedly, until none is left. */
export function fixAll(text: string, options: ValidationOptions = {}): FixAllResult {
  const applied: AppliedFix[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { document, findings } = analyze(text, options);
    const taken: (readonly [number, number])[] = [];
    const edits: TextEdit[] = [];
    for (const finding of findings) {
      const fix = finding.fixes.find((f) => f.safe);
      if (!fix) continue;
      const spans = offsetsOf(document, fix);
      if (spans.some(([s, e]) => taken.some(([ts, te]) => s <= te && ts <= e))) continue;
      taken.push(...spans);
      edits.push(...fix.edits);
      applied.push({ code: finding.code, title: fix.title });
    }
    if (edits.length === 0) break;
    text = TextDocument.applyEdits(document, edits);
  }
  return { text, applied };
}
