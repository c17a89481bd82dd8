import type { Finding } from './types';

const MARKER = 'pchat-topology-disable';
const COMMENT = /#\s*pchat-topology-disable(-next-line)?(?![\w-])([^\r\n]*)/g;

/** Which rule ids a comment names; none named means every rule. */
function idsOf(list: string): Set<string> | 'all' {
  const ids = list.split(/[\s,]+/).filter((w) => /^PC\d{3}$/i.test(w)).map((w) => w.toUpperCase());
  return ids.length ? new Set(ids) : 'all';
}

const covers = (ids: Set<string> | 'all', code: string) => ids === 'all' || ids.has(code);

/**
 * Drops findings silenced by `# pchat-topology-disable-next-line PC105` (the next line)
 * or `# pchat-topology-disable PC105` (the whole file).
 */
export function applySuppressions(text: string, findings: Finding[]): Finding[] {
  if (!text.includes(MARKER)) return findings;
  const fileWide: (Set<string> | 'all')[] = [];
  const byLine = new Map<number, Set<string> | 'all'>();
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const match of text.matchAll(COMMENT)) {
    const ids = idsOf(match[2]);
    if (match[1]) byLine.set(lineOf(match.index!) + 1, ids);
    else fileWide.push(ids);
  }
  return findings.filter((f) => {
    if (fileWide.some((ids) => covers(ids, f.code))) return false;
    const ids = byLine.get(f.range.start.line);
    return !(ids && covers(ids, f.code));
  });
}

/** The comment that silences a rule on one line, indented like that line. */
export function disableNextLineComment(id: string, indent: string): string {
  return `${indent}# ${MARKER}-next-line ${id}`;
}

export function disableFileComment(id: string): string {
  return `# ${MARKER} ${id}`;
}
