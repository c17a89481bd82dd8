import { Parser } from 'yaml';
import type { Finding, Span } from './types';

const MARKER = 'pchat-topology-disable';
/** `# pchat-topology-disable[-next-line]`, then the end, a space, a comma or a reason separator. */
const DIRECTIVE = /^#\s*pchat-topology-disable(-next-line)?(?=$|[\s,:]|--)/;
const REASON = /--|:/;
const WORD = /[^\s,]+/g;
const RULE_ID = /^PC\d{3}$/i;
/** A marker with no ids never silences these: a file that cannot be read must not pass as clean. */
const NAMED_ONLY = new Set(['PC001', 'PC002']);

export interface SuppressionWord {
  text: string;
  span: Span;
}

/** One `# pchat-topology-disable…` comment of the document. */
export interface Suppression {
  span: Span;
  /** 0-based line of the comment. */
  line: number;
  scope: 'file' | 'next-line';
  /** The rule ids named, upper case; none means every rule but PC001 and PC002. */
  ids: (SuppressionWord & { id: string })[];
  /** Words that are neither a known rule id nor a reason: the comment then silences nothing (PC009). */
  unknown: SuppressionWord[];
}

/** Every comment token of the YAML, as the parser sees it: text in quoted strings and block scalars is not one. */
function commentTokens(text: string): { offset: number; source: string }[] {
  const comments: { offset: number; source: string }[] = [];
  const walk = (token: unknown): void => {
    if (Array.isArray(token)) {
      for (const item of token) walk(item);
    } else if (token && typeof token === 'object') {
      const t = token as { type?: string; offset?: number; source?: unknown };
      if (t.type === 'comment' && typeof t.source === 'string') comments.push({ offset: t.offset ?? 0, source: t.source });
      else for (const value of Object.values(token)) if (typeof value === 'object') walk(value);
    }
  };
  for (const token of new Parser().parse(text)) walk(token);
  return comments;
}

/** The suppression comments of a text; `knownIds` are the catalog's rule ids. */
export function readSuppressions(text: string, knownIds: ReadonlySet<string>, lineAt: (offset: number) => number): Suppression[] {
  if (!text.includes(MARKER)) return [];
  const suppressions: Suppression[] = [];
  for (const { offset, source } of commentTokens(text)) {
    const directive = DIRECTIVE.exec(source);
    if (!directive) continue;
    const listStart = directive[0].length;
    const reason = REASON.exec(source.slice(listStart));
    const list = source.slice(listStart, reason ? listStart + reason.index : undefined);
    const suppression: Suppression = {
      span: { start: offset, end: offset + source.length },
      line: lineAt(offset),
      scope: directive[1] ? 'next-line' : 'file',
      ids: [],
      unknown: [],
    };
    for (const match of list.matchAll(WORD)) {
      const start = offset + listStart + match.index!;
      const word = { text: match[0], span: { start, end: start + match[0].length } };
      const id = match[0].toUpperCase();
      if (RULE_ID.test(id) && knownIds.has(id)) suppression.ids.push({ ...word, id });
      else suppression.unknown.push(word);
    }
    suppressions.push(suppression);
  }
  return suppressions;
}

const silences = (s: Suppression, finding: Finding): boolean =>
  s.unknown.length === 0 &&
  (s.scope === 'file' || finding.range.start.line === s.line + 1) &&
  (s.ids.length === 0 ? !NAMED_ONLY.has(finding.code) : s.ids.some((w) => w.id === finding.code));

export interface SuppressionResult {
  findings: Finding[];
  /** For each suppression, the rule ids it silenced (a bare marker records every code it silenced). */
  used: Map<Suppression, Set<string>>;
}

/** Drops the findings that a suppression comment silences, and records which comment silenced what. */
export function applySuppressions(findings: Finding[], suppressions: readonly Suppression[]): SuppressionResult {
  const used = new Map<Suppression, Set<string>>(suppressions.map((s) => [s, new Set<string>()]));
  if (suppressions.length === 0) return { findings, used };
  const kept = findings.filter((finding) => {
    const by = suppressions.filter((s) => silences(s, finding));
    for (const s of by) used.get(s)!.add(finding.code);
    return by.length === 0;
  });
  return { findings: kept, used };
}

/** A place in the text a finding points at: the caller turns spans into ranges. */
export interface UnusedSuppression {
  span: Span;
  message: string;
}

/** Suppressions (or ids named in one) that silenced nothing. Comments with unknown words are PC009's already. */
export function unusedSuppressions({ used }: SuppressionResult): UnusedSuppression[] {
  const unused: UnusedSuppression[] = [];
  for (const [s, codes] of used) {
    if (s.unknown.length) continue;
    const where = s.scope === 'file' ? 'in this file' : 'on the next line';
    if (s.ids.length === 0) {
      if (codes.size === 0) unused.push({ span: s.span, message: `This suppression comment silences nothing: no finding is raised ${where}; remove it.` });
      continue;
    }
    for (const word of s.ids) {
      if (!codes.has(word.id)) unused.push({ span: word.span, message: `${word.id} is not raised ${where}, so naming it in this suppression comment silences nothing; remove it.` });
    }
  }
  return unused;
}

/** The comment that silences a rule on one line, indented like that line. */
export function disableNextLineComment(id: string, indent: string): string {
  return `${indent}# ${MARKER}-next-line ${id}`;
}

export function disableFileComment(id: string): string {
  return `# ${MARKER} ${id}`;
}
