import { isMap, isScalar, YAMLSeq, type Node, type Pair, type Range, type Scalar, type YAMLMap } from 'yaml';
import { parseTopology, type ParsedTopology } from '../parse/parseTopology';
import type { Span } from '../types';
import type { DescriptorLayout } from './descriptorLayout';
import { placeNode, type ItemNodes } from './itemNodes';

/** The frame of a descriptor read alone: its top-level map, with each section's header pair, its nodes in the whole text's offsets. */
export interface FrameReading {
  text: string;
  parsed: ParsedTopology;
  /** The key of each section, in layout order, with no value yet. */
  headers: Pair<Scalar<string>>[];
  /** The whole text's offset of an offset of the frame's text. */
  toText: (offset: number) => number;
  /** The ranges the frame's own reading gave its map and document, in its own offsets. */
  ownRanges: { root: Range; doc: Range };
}

/** The frame's pieces end to end; an offset where two meet belongs to the later. */
function frameOffsets(pieces: Span[]): (offset: number) => number {
  const starts: number[] = [];
  let at = 0;
  for (const piece of pieces) {
    starts.push(at);
    at += piece.end - piece.start;
  }
  return (offset) => {
    let i = starts.length - 1;
    while (i > 0 && starts[i] > offset) i--;
    return pieces[i].start + offset - starts[i];
  };
}

/** The header pair of a section in the frame's map: the key written at `header`, with no value. */
function headerPair(pairs: Pair[], header: number): Pair<Scalar<string>> | undefined {
  const pair = pairs.find((p) => (p.key as Node | null)?.range?.[0] === header);
  if (!pair || !isScalar(pair.key) || typeof pair.key.value !== 'string' || pair.key.value === '__proto__') return undefined;
  return isScalar(pair.value) && pair.value.value === null ? (pair as Pair<Scalar<string>>) : undefined;
}

/** A key written out; where none is written, YAML places the empty key after what stands before, which a cut moves. */
const writtenKey = (pair: Pair) => isScalar(pair.key) && !!pair.key.range && pair.key.range[1] > pair.key.range[0];

/**
 * The frame alone, read as YAML and placed in the whole text; undefined unless it reads cleanly as one plain
 * block map of written keys, holding each section's key where the layout found it.
 */
export function readFrame(text: string, layout: DescriptorLayout): FrameReading | undefined {
  const frameText = layout.frame.map((piece) => text.slice(piece.start, piece.end)).join('');
  if (/^(?:%|---|\.\.\.)/m.test(frameText)) return undefined;
  const parsed = parseTopology(frameText);
  const root = parsed.yaml.contents;
  if (parsed.syntaxProblems.length || !isMap(root) || root.flow || !root.range || !parsed.yaml.range || !root.items.every(writtenKey)) return undefined;
  const ownRanges = { root: root.range, doc: parsed.yaml.range };
  const toText = frameOffsets(layout.frame);
  placeNode(root, toText);
  const headers = layout.sections.map((section) => headerPair(root.items, section.header));
  if (!headers.every((pair) => pair !== undefined)) return undefined;
  return { text: frameText, parsed, headers, toText, ownRanges };
}

/**
 * The descriptor's document put together from its frame and its items, as the whole text would read: each
 * section's key given a block list of its items. The frame reading is used up.
 */
export function composeDescriptor(text: string, frame: FrameReading, items: ItemNodes[][]): ParsedTopology {
  const doc = frame.parsed.yaml;
  const root = doc.contents as YAMLMap;
  const data = frame.parsed.data as Record<string, unknown>;
  let last: { list: YAMLSeq; item: ItemNodes } | undefined;
  frame.headers.forEach((pair, s) => {
    const nodes = items[s];
    const list = new YAMLSeq(doc.schema);
    list.items = nodes.map((item) => item.node);
    list.range = [nodes[0].listRange[0], nodes[nodes.length - 1].listRange[1], nodes[nodes.length - 1].listRange[2]];
    pair.value = list;
    data[pair.key.value] = nodes.map((item) => item.data);
    if (root.items[root.items.length - 1] === pair) last = { list, item: nodes[nodes.length - 1] };
  });
  // Where the map ends, and after it the document: the last section's items hold the end when it is the map's last key.
  const { toText, ownRanges } = frame;
  const [start, end] = [toText(ownRanges.root[0]), last ? last.list.range![2] : toText(ownRanges.root[1])];
  root.range = [start, end, last ? end : toText(ownRanges.root[2])];
  doc.range = [toText(ownRanges.doc[0]), root.range[2], last ? last.item.documentEnd : toText(ownRanges.doc[2])];
  return { text, yaml: doc, syntaxProblems: [], data, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}
