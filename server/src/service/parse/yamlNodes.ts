import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { PathSegment } from '../model/model';
import type { Span } from '../types';

/** The node with an alias followed one step, so that model code sees what the author meant. */
export function resolveNode(doc: Document, node: unknown): Node | undefined {
  if (isAlias(node)) return node.resolve(doc) as Node | undefined;
  return (node ?? undefined) as Node | undefined;
}

/** The node's own text, without the line breaks and comments the parser counts into a block node's end. */
export function spanOf(node: Node | undefined | null, text: string): Span {
  if (!node?.range) return { start: 0, end: 0 };
  const start = node.range[0];
  let end = node.range[1];
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

export function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  for (const item of map.items) if (keyName(item) === key) return item;
  return undefined;
}

export interface NodeAtPath {
  node: Node | undefined;
  /** The pair whose value the node is, when it sits in a map. */
  pair: Pair | undefined;
}

/** Walks a JSON-pointer-like path through maps and sequences. */
export function nodeAtPath(doc: Document, path: readonly PathSegment[]): NodeAtPath {
  let node = resolveNode(doc, doc.contents);
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      pair = pairOf(node, String(segment));
      node = resolveNode(doc, pair?.value);
    } else if (isSeq(node) && typeof segment === 'number') {
      pair = undefined;
      node = resolveNode(doc, node.items[segment]);
    } else {
      return { node: undefined, pair: undefined };
    }
  }
  return { node, pair };
}

export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function pathToPointer(path: readonly PathSegment[]): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export interface Location {
  path: PathSegment[];
  /** The innermost node at the offset: a key's scalar when `onKey`. */
  node: Node | undefined;
  pair: Pair | undefined;
  onKey: boolean;
}

const contains = (node: unknown, offset: number): boolean => {
  const range = (node as Node | null)?.range;
  return !!range && range[0] <= offset && offset <= range[1];
};

/** What stands at an offset: the path of keys and indexes down to the innermost node. */
export function locate(doc: Document, offset: number): Location {
  const path: PathSegment[] = [];
  let node = resolveNode(doc, doc.contents);
  let pair: Pair | undefined;
  for (;;) {
    if (isMap(node)) {
      const hit = node.items.find((p) => contains(p.key, offset) || contains(p.value, offset));
      if (!hit) return { path, node, pair, onKey: false };
      pair = hit;
      path.push(keyName(hit) ?? '');
      if (contains(hit.key, offset)) return { path, node: hit.key as Node, pair: hit, onKey: true };
      node = hit.value as Node;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item, offset));
      if (index < 0) return { path, node, pair, onKey: false };
      path.push(index);
      pair = undefined;
      node = node.items[index] as Node;
    } else {
      return { path, node: node ?? undefined, pair, onKey: false };
    }
  }
}
