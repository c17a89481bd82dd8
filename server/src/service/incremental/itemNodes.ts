import { isAlias, isMap, isSeq, type Node, type Range } from 'yaml';
import { parseTopology } from '../parse/parseTopology';
import { readSuppressions, type Suppression } from '../suppressions';
import type { Span } from '../types';
import { moveItemModel, type ItemModel } from './itemModel';

/** One list item of a descriptor, read from its own text and placed where it stands in the whole. */
export interface ItemNodes {
  span: Span;
  /** The item's node, its ranges in the whole text's offsets. */
  node: Node;
  /** The range the one-item list of the item's text had: the whole list's ends are read from its first and last. */
  listRange: Range;
  /** Where the item's text ends as a document, past the comments after the list: the whole's, when the item ends it. */
  documentEnd: number;
  /** The item as plain data, as the JSON Schema sees it. */
  data: unknown;
  /** The suppression comments in the item's text, in its own offsets. */
  suppressions: Suppression[];
  /** What the model read of the item, once read (itemModel.ts). */
  model?: ItemModel;
}

/**
 * Deeper nesting than this inside one item is left to the whole text's reading, whose depth limit counts the
 * levels above the item too.
 */
const MAX_ITEM_DEPTH = 48;
/** A line whose indentation and `- `, `? ` or `: ` indicators reach that depth. */
const DEEP_LINE = new RegExp(`^[ ?:-]{${MAX_ITEM_DEPTH}}`, 'm');

/** Whether a node or one inside it has an anchor or is an alias: those tie items together, which cutting would break. */
function hasAnchors(node: unknown): boolean {
  if (isAlias(node) || (node as Node | null)?.anchor) return true;
  if (isMap(node)) return node.items.some((pair) => hasAnchors(pair.key) || hasAnchors(pair.value));
  if (isSeq(node)) return node.items.some(hasAnchors);
  return false;
}

/** A guess from above of how deep the item nests: its widest indentation or `- ` run, or its count of flow brackets. */
function mayNestDeeply(text: string): boolean {
  if (DEEP_LINE.test(text)) return true;
  let brackets = 0;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) brackets++;
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) brackets++;
  return brackets >= MAX_ITEM_DEPTH;
}

/** Places a node and every node inside it: each offset of their ranges becomes `to(offset)`. */
export function placeNode(node: unknown, to: (offset: number) => number): void {
  const range = (node as Node | null)?.range;
  if (range) (node as Node).range = [to(range[0]), to(range[1]), to(range[2])];
  if (isMap(node)) {
    for (const pair of node.items) {
      placeNode(pair.key, to);
      placeNode(pair.value, to);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) placeNode(item, to);
  }
}

const shiftRange = (range: Range, by: number): Range => [range[0] + by, range[1] + by, range[2] + by];

/** Moves an item read for an older text, and what the model read of it, to their offsets in the new text. */
export function moveItem(item: ItemNodes, by: number): void {
  placeNode(item.node, (offset) => offset + by);
  moveItemModel(item.model, by);
  item.span = { start: item.span.start + by, end: item.span.end + by };
  item.listRange = shiftRange(item.listRange, by);
  item.documentEnd += by;
}

/**
 * The item whose text is `span` of `text`, read alone as YAML exactly as the whole text is read; undefined
 * where the item alone reads with a problem or ties to other items, so that the whole text is read instead.
 */
export function readItem(text: string, span: Span, ruleIds: ReadonlySet<string>): ItemNodes | undefined {
  const itemText = text.slice(span.start, span.end);
  if (mayNestDeeply(itemText)) return undefined;
  const parsed = parseTopology(itemText);
  const list = parsed.yaml.contents;
  if (parsed.syntaxProblems.length || !isSeq(list) || list.flow || list.items.length !== 1 || !list.range || !parsed.yaml.range) return undefined;
  const node = list.items[0];
  if (!node || hasAnchors(node)) return undefined;
  placeNode(node, (offset) => offset + span.start);
  const suppressions = readSuppressions(itemText, ruleIds, () => 0);
  const documentEnd = parsed.yaml.range[2] + span.start;
  return { span, node, listRange: shiftRange(list.range, span.start), documentEnd, data: (parsed.data as unknown[])[0], suppressions };
}
