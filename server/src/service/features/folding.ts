import { isMap, isSeq, visit, type Node } from 'yaml';
import type { TopologyAnalysis } from '../languageService';
import { spanOf } from '../parse/yamlNodes';

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

/**
 * A fold for every block map or list over more than one line, and for runs of comment lines; in a Topology
 * Builder file, for every element the reader pointed at.
 */
export function foldingRanges(analysis: TopologyAnalysis): FoldingRange[] {
  const { document, source } = analysis;
  const folds: FoldingRange[] = [];
  const seen = new Set<number>();
  const add = (startLine: number, endLine: number, kind?: 'comment') => {
    if (endLine > startLine && !seen.has(startLine)) {
      seen.add(startLine);
      folds.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
    }
  };
  if (source.syntax === 'topologyBuilder') {
    for (const element of source.reading.elements) add(document.positionAt(element.span.start).line, document.positionAt(element.span.end).line);
    return folds.sort((a, b) => a.startLine - b.startLine);
  }
  const { parsed } = source;
  visit(parsed.yaml, {
    Pair(_, pair) {
      if ((isMap(pair.value) || isSeq(pair.value)) && (pair.key as Node | null)?.range) {
        const end = spanOf(pair.value as Node, parsed.text).end;
        add(document.positionAt((pair.key as Node).range![0]).line, document.positionAt(end).line);
      }
    },
    Map(_, map) {
      const span = spanOf(map, parsed.text);
      add(document.positionAt(span.start).line, document.positionAt(span.end).line);
    },
  });
  const lines = parsed.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*#/.test(lines[i])) continue;
    let j = i;
    while (j + 1 < lines.length && /^\s*#/.test(lines[j + 1])) j++;
    add(i, j, 'comment');
    i = j;
  }
  return folds.sort((a, b) => a.startLine - b.startLine);
}
