import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { PathSegment } from '../model/model';
import { nodeAtPath, pairOf, spanOf } from '../parse/yamlNodes';
import type { Span } from '../types';
import type { ItemValue, OffsetEdit, TopologyEdits } from './topologyEdits';

const PLAIN_SCALAR = /^[A-Za-z0-9][A-Za-z0-9._\-]*$/;

/** A value as YAML writes it: plain where it can be, double-quoted otherwise. */
export function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string' || (PLAIN_SCALAR.test(value) && !/^(true|false|null|yes|no|on|off|~|[\d.]+)$/i.test(value))) {
    return String(value);
  }
  return JSON.stringify(value);
}

/**
 * Edits that change one node of a YAML document and leave every other byte as the author wrote it.
 * Block and flow collections are both handled; new lines use the document's own line ends.
 */
export class YamlEdits implements TopologyEdits {
  constructor(
    private readonly doc: Document,
    private readonly text: string,
    private readonly eol: string,
  ) {}

  private mapAt(path: readonly PathSegment[]): YAMLMap | undefined {
    const { node } = nodeAtPath(this.doc, path);
    return isMap(node) ? node : undefined;
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The offset of the line break that ends the line holding `offset` (or the end of the text). */
  private lineEnd(offset: number): number {
    const n = this.text.indexOf('\n', offset);
    if (n < 0) return this.text.length;
    return this.text[n - 1] === '\r' ? n - 1 : n;
  }

  /** The offset just past the line break that ends the line holding `offset`. */
  private nextLineStart(offset: number): number {
    const n = this.text.indexOf('\n', offset);
    return n < 0 ? this.text.length : n + 1;
  }

  private column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  private isFlow(node: Node): boolean {
    return (node as YAMLMap | YAMLSeq).flow === true || /^[{[]/.test(this.text.slice(node.range?.[0] ?? 0));
  }

  /** Whether a block node starts on a line where something else (a `- ` or a key) stands before it. */
  private startsMidLine(offset: number): boolean {
    return this.text.slice(this.lineStart(offset), offset).trim() !== '';
  }

  replace(span: Span, newText: string): OffsetEdit {
    return { span, newText };
  }

  setScalar(span: Span, value: string | number | boolean): OffsetEdit {
    return { span, newText: yamlScalar(value) };
  }

  /** Whether a key can be added to this map: a map of plain keys, none written with the explicit `? ` indicator. */
  private canInsertKey(map: Node): boolean {
    const items = (map as YAMLMap).items ?? [];
    return items.every((pair) => {
      const key = pair.key as Node | null;
      return !!key?.range && isScalar(key) && !/\?\s*$/.test(this.text.slice(this.lineStart(key.range[0]), key.range[0]));
    });
  }

  /**
   * Adds `key: value` at the end of a map; a list value is written as a block list under the key.
   * Undefined where the map's style leaves no clean place for it; a fix with such an edit is not offered.
   */
  insertKey(path: readonly PathSegment[], key: string, value: string | ItemValue[]): OffsetEdit | undefined {
    const map = this.mapAt(path);
    return map && this.insertKeyInto(map, key, value);
  }

  private insertKeyInto(map: YAMLMap, key: string, value: string | ItemValue[]): OffsetEdit | undefined {
    if (!this.canInsertKey(map)) return undefined;
    const span = spanOf(map, this.text);
    const items = (map as YAMLMap).items ?? [];
    if (this.isFlow(map)) {
      const inline = typeof value === 'string' ? value : `[${value.map((v) => this.flowItem(v)).join(', ')}]`;
      const at = items.length ? this.pairSpan(items[items.length - 1]).end : this.text.lastIndexOf('}', span.end);
      return { span: { start: at, end: at }, newText: `${items.length ? ', ' : ''}${key}: ${inline}` };
    }
    const indent = ' '.repeat(items.length ? this.column((items[0].key as Node).range![0]) : this.column(span.start));
    const at = this.lineEnd(span.end);
    if (typeof value === 'string') return { span: { start: at, end: at }, newText: `${this.eol}${indent}${key}: ${value}` };
    const list = value.map((item) => this.blockItem(item, indent + '  ')).join('');
    return { span: { start: at, end: at }, newText: `${this.eol}${indent}${key}:${list}` };
  }

  removeKeys(path: readonly PathSegment[], keys: readonly string[]): (OffsetEdit | undefined)[] {
    const map = this.mapAt(path);
    const pairs = map ? keys.map((key) => pairOf(map, key)) : [];
    if (!map || !pairs.every((p): p is Pair => p !== undefined)) return [undefined];
    const items = map.items;
    if (this.isFlow(map)) return [this.keepFlowEntries(map, items.map((p) => this.pairSpan(p)), items.map((p) => !pairs.includes(p)))];
    return pairs.map((pair) => this.removeBlockPair(items, pair));
  }

  removeItems(path: readonly PathSegment[], spans: readonly Span[]): (OffsetEdit | undefined)[] {
    const { node: seq } = nodeAtPath(this.doc, path);
    if (!isSeq(seq)) return [undefined];
    const items = seq.items as Node[];
    const indexes = spans.map((span) => items.findIndex((item) => spanOf(item, this.text).start === span.start));
    if (indexes.includes(-1)) return [undefined];
    if (this.isFlow(seq)) return [this.keepFlowEntries(seq, items.map((i) => spanOf(i, this.text)), items.map((_, i) => !indexes.includes(i)))];
    return indexes.map((index) => {
      const span = spanOf(items[index], this.text);
      const dash = this.text.lastIndexOf('-', span.start);
      return { span: { start: this.lineStart(dash), end: this.nextLineStart(span.end) }, newText: '' };
    });
  }

  private pairSpan(pair: Pair): Span {
    return { start: (pair.key as Node).range![0], end: spanOf((pair.value ?? pair.key) as Node, this.text).end };
  }

  private removeBlockPair(items: Pair[], pair: Pair): OffsetEdit {
    const { start: keyStart, end: valueEnd } = this.pairSpan(pair);
    if (this.startsMidLine(keyStart)) {
      const next = items[items.indexOf(pair) + 1];
      if (!next) return { span: { start: keyStart, end: valueEnd }, newText: '{}' };
      return { span: { start: keyStart, end: (next.key as Node).range![0] }, newText: '' };
    }
    return { span: { start: this.lineStart(keyStart), end: this.nextLineStart(valueEnd) }, newText: '' };
  }

  /** Rewrites a flow collection with only the entries kept, each in its own original text. */
  private keepFlowEntries(collection: Node, entries: Span[], keep: boolean[]): OffsetEdit {
    const span = spanOf(collection, this.text);
    const open = this.text[span.start];
    const padded = this.text[span.start + 1] === ' ';
    const kept = entries.filter((_, i) => keep[i]).map((e) => this.text.slice(e.start, e.end));
    const inner = kept.length ? (padded ? ` ${kept.join(', ')} ` : kept.join(', ')) : '';
    return { span, newText: `${open}${inner}${open === '{' ? '}' : ']'}` };
  }

  appendItem(path: readonly PathSegment[], item: ItemValue): OffsetEdit | undefined {
    const { node, pair } = nodeAtPath(this.doc, path);
    if (isSeq(node)) return this.appendItemTo(node, item);
    const parent = this.mapAt(path.slice(0, -1));
    return !pair && parent ? this.insertKeyInto(parent, String(path[path.length - 1]), [item]) : undefined;
  }

  /** Adds an item at the end of a list, in the list's own style. */
  private appendItemTo(seq: YAMLSeq, item: ItemValue): OffsetEdit {
    const span = spanOf(seq, this.text);
    const items = (seq as YAMLSeq).items as Node[];
    if (this.isFlow(seq)) {
      // After the last item rather than before ']', which may stand at a column where flow content may not.
      const at = items.length ? spanOf(items[items.length - 1], this.text).end : this.text.lastIndexOf(']', span.end);
      return { span: { start: at, end: at }, newText: `${items.length ? ', ' : ''}${this.flowItem(item)}` };
    }
    const first = items[0] ? this.text.lastIndexOf('-', items[0].range![0]) : span.start;
    const at = this.lineEnd(span.end);
    return { span: { start: at, end: at }, newText: this.blockItem(item, ' '.repeat(this.column(first))) };
  }

  private flowItem(item: ItemValue): string {
    if (typeof item === 'string') return yamlScalar(item);
    return `{ ${Object.entries(item).map(([k, v]) => `${k}: ${yamlScalar(v)}`).join(', ')} }`;
  }

  private blockItem(item: ItemValue, dashIndent: string): string {
    if (typeof item === 'string') return `${this.eol}${dashIndent}- ${yamlScalar(item)}`;
    return Object.entries(item)
      .map(([k, v], i) => `${this.eol}${dashIndent}${i === 0 ? '- ' : '  '}${k}: ${yamlScalar(v)}`)
      .join('');
  }
}
