import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, RULE_IDS, type TopologyAnalysis, type YamlReading } from '../languageService';
import { readSuppressions, type Suppression } from '../suppressions';
import { syntaxOf } from '../topologyFiles';
import type { Span, ValidationOptions } from '../types';
import { composeDescriptor, readFrame, type FrameReading } from './composeDescriptor';
import { layoutOf, type DescriptorLayout } from './descriptorLayout';
import { composeModel } from './itemModel';
import { moveItem, readItem, type ItemNodes } from './itemNodes';

/**
 * Incremental analysis of descriptors. A descriptor is read piece by piece (descriptorLayout.ts): each list
 * item of its sections alone, and the frame around them; the pieces make up the document the whole text
 * would read as (composeDescriptor.ts). After an edit, only the items whose text changed are read again, the
 * others are moved to their new offsets, and schema, model, index and rules run on the whole as analyze()
 * runs them. Whatever the pieces cannot read as the whole would (a syntax error, anchors, a section that is
 * not a plain block list, tabs in the indentation, …) is read by analyze() alone.
 */

/** The items read from one text, in text order: what the next analysis may re-use. */
interface ItemCache {
  text: string;
  items: ItemNodes[];
}

/** Where two texts differ: the same before `start`, and from `oldEnd` in the old one and `newEnd` in the new one. */
interface Change {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Texts are compared a block at a time, then a character at a time. */
const BLOCK = 4096;

function changeBetween(before: string, after: string): Change {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start + BLOCK <= shorter && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const [b, a] = [before.length, after.length];
  let tail = 0;
  while (tail + BLOCK <= shorter - start && before.slice(b - tail - BLOCK, b - tail) === after.slice(a - tail - BLOCK, a - tail)) tail += BLOCK;
  while (tail < shorter - start && before.charCodeAt(b - 1 - tail) === after.charCodeAt(a - 1 - tail)) tail++;
  return { start, oldEnd: b - tail, newEnd: a - tail };
}

/**
 * The items of a cache that the new text has unchanged, found in text order: `find(span)` answers, for the spans
 * of the new text in order, the cached item with the same text and how far it moved.
 */
function cachedItems(cache: ItemCache, text: string) {
  const change = changeBetween(cache.text, text);
  const by = change.newEnd - change.oldEnd;
  let next = 0;
  return (span: Span): { item: ItemNodes; by: number } | undefined => {
    const shift = span.end <= change.start ? 0 : span.start >= change.newEnd ? by : undefined;
    if (shift === undefined) return undefined;
    while (next < cache.items.length && cache.items[next].span.start < span.start - shift) next++;
    const item = cache.items[next];
    return item && item.span.start === span.start - shift && item.span.end === span.end - shift ? { item, by: shift } : undefined;
  };
}

/** A suppression comment read from a piece of the text, placed in the whole. */
function placed(s: Suppression, toText: (offset: number) => number, lineAt: (offset: number) => number): Suppression {
  const span = (from: Span): Span => ({ start: toText(from.start), end: toText(from.start) + from.end - from.start });
  return {
    ...s,
    span: span(s.span),
    line: lineAt(toText(s.span.start)),
    ids: s.ids.map((w) => ({ ...w, span: span(w.span) })),
    unknown: s.unknown.map((w) => ({ ...w, span: span(w.span) })),
  };
}

function suppressionsOf(document: TextDocument, frame: FrameReading, items: ItemNodes[]): Suppression[] {
  const lineAt = (offset: number) => document.positionAt(offset).line;
  const all = readSuppressions(frame.text, RULE_IDS, () => 0).map((s) => placed(s, frame.toText, lineAt));
  for (const item of items) for (const s of item.suppressions) all.push(placed(s, (offset) => offset + item.span.start, lineAt));
  return all.sort((a, b) => a.span.start - b.span.start);
}

/**
 * The items of `layout` by section, re-using those of `cache` whose text did not change, or, at the first item
 * that does not read alone, none: `fresh` then holds the items read up to it.
 */
function itemsOf(text: string, layout: DescriptorLayout, cache: ItemCache | undefined): { sections?: ItemNodes[][]; fresh: ItemNodes[] } {
  const find = cache && cachedItems(cache, text);
  const moves: { item: ItemNodes; by: number }[] = [];
  const fresh: ItemNodes[] = [];
  const sections: ItemNodes[][] = [];
  for (const { items: spans } of layout.sections) {
    const items: ItemNodes[] = [];
    for (const span of spans) {
      const cached = find?.(span);
      if (cached) {
        if (cached.by !== 0) moves.push(cached);
        items.push(cached.item);
        continue;
      }
      const item = readItem(text, span, RULE_IDS);
      if (!item) return { fresh };
      fresh.push(item);
      items.push(item);
    }
    sections.push(items);
  }
  // Only now that every piece reads are the re-used items moved: until then, `cache` stays as it was.
  for (const { item, by } of moves) moveItem(item, by);
  return { sections, fresh };
}

/** The descriptor read piece by piece, and what the next analysis may re-use; no reading where the pieces do not read as the whole. */
function readDescriptor(document: TextDocument, text: string, cache: ItemCache | undefined): { yaml?: YamlReading; cache?: ItemCache } {
  const layout = layoutOf(text);
  const frame = layout && readFrame(text, layout);
  if (!frame) return { cache };
  const { sections, fresh } = itemsOf(text, layout, cache);
  // A text read only in part leaves the old cache, or, where there was none, the items it read.
  if (!sections) return { cache: cache ?? { text, items: fresh } };
  const items = sections.flat();
  const parsed = composeDescriptor(text, frame, sections);
  const model = (faulted: ReadonlySet<string>) => composeModel(parsed.yaml, text, faulted, frame.headers, sections);
  return { yaml: { parsed, suppressions: suppressionsOf(document, frame, items), model }, cache: { text, items } };
}

const caches = new WeakMap<TopologyAnalysis, ItemCache>();
const readInPieces = new WeakSet<TopologyAnalysis>();

/** Whether an analysis of analyzeIncrementally() read the descriptor piece by piece, rather than whole. */
export function wasReadInPieces(analysis: TopologyAnalysis): boolean {
  return readInPieces.has(analysis);
}

/**
 * The analysis of a document, equal to analyze()'s, re-using what `previous` (an earlier analysis of the same
 * document) read where the text did not change. `previous` is used up: its YAML nodes move to their new offsets.
 */
export function analyzeIncrementally(document: TextDocument, options: ValidationOptions, previous?: TopologyAnalysis): TopologyAnalysis {
  if (syntaxOf(document.languageId, document.uri) !== 'yaml') return analyze(document, options);
  const cache = previous && caches.get(previous);
  // What the next analysis re-uses moves with it: `previous` could not be analysed from again.
  if (previous) caches.delete(previous);
  let read: ReturnType<typeof readDescriptor> = {};
  try {
    read = readDescriptor(document, document.getText(), cache);
  } catch {
    // A failure of the pieces is not the author's: the whole text is read, and the next analysis starts afresh.
  }
  const analysis = analyze(document, options, read.yaml);
  if (read.cache) caches.set(analysis, read.cache);
  if (read.yaml) readInPieces.add(analysis);
  return analysis;
}
