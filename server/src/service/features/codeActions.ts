import type { TopologyAnalysis } from '../languageService';
import { safeFixEdits } from '../fixAll';
import { disableFileComment, disableNextLineComment } from '../suppressions';
import type { Finding, Range, TextEdit } from '../types';

export type CodeActionKind = 'quickfix' | 'source.fixAll';

export interface TopologyCodeAction {
  title: string;
  kind: CodeActionKind;
  edits: TextEdit[];
  isPreferred: boolean;
  /** The finding the action answers, for quick fixes. */
  finding?: Finding;
}

const intersects = (a: Range, b: Range) =>
  !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character) || b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character));

/** Suppression comments are YAML's; a Topology Builder file is not edited. */
function suppressions(analysis: TopologyAnalysis, finding: Finding): TopologyCodeAction[] {
  const { document, source } = analysis;
  if (source.syntax !== 'yaml') return [];
  const line = finding.range.start.line;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = source.parsed.eol;
  const at = (l: number) => ({ start: { line: l, character: 0 }, end: { line: l, character: 0 } });
  // A byte order mark stays the first character of the file.
  const top = document.getText().startsWith('\uFEFF') ? { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } } : at(0);
  return [
    { title: `Suppress ${finding.code} on this line`, kind: 'quickfix', isPreferred: false, finding, edits: [{ range: at(line), newText: disableNextLineComment(finding.code, indent) + eol }] },
    { title: `Suppress ${finding.code} in this file`, kind: 'quickfix', isPreferred: false, finding, edits: [{ range: top, newText: disableFileComment(finding.code) + eol }] },
  ];
}

/** The quick fixes of the findings in a range, ways to suppress them, and fix-all. */
export function codeActions(analysis: TopologyAnalysis, range: Range, only?: readonly string[]): TopologyCodeAction[] {
  const wants = (kind: CodeActionKind) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: TopologyCodeAction[] = [];
  if (wants('quickfix')) {
    for (const finding of analysis.findings.filter((f) => intersects(f.range, range))) {
      for (const fix of finding.fixes) actions.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, isPreferred: fix.isPreferred, finding });
      actions.push(...suppressions(analysis, finding));
    }
  }
  if (wants('source.fixAll')) {
    const { edits, applied } = safeFixEdits(analysis);
    if (edits.length) actions.push({ title: `Fix all safe problems (${applied.length})`, kind: 'source.fixAll', edits, isPreferred: false });
  }
  return actions;
}
