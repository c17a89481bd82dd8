import type { ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { DiagramEdge, DiagramModel, DiagramNode, DiagramNodeKind } from '../service/features/diagramModel';
import { capacityFigures } from './capacityFigures';
import { layOutGroups, offset, type Block, type Box, type ElkGroup } from './elkGroups';
import { packRows } from './packRows';

/** Sizes in pixels; text widths are estimated, since no font metrics exist outside a browser. */
export const CHAR_WIDTH = 7;
export const LINE_HEIGHT = 16;
export const TITLE_HEIGHT = 22;
/** The bar, and the space between it and its figures below. */
export const CAPACITY_BAR_HEIGHT = 10;
export const PADDING = 10;
/** Between servers stacked in a pool or a data center. */
const STACK_GAP = 8;
/** Between the unlinked groups a site (or the drawing) holds. */
const GROUP_GAP = 24;
const LEAF_MIN_WIDTH = 120;

export interface PlacedNode {
  node: DiagramNode;
  box: Box;
}

export interface PlacedEdge {
  edge: DiagramEdge;
  points: { x: number; y: number }[];
  label?: { x: number; y: number };
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/**
 * Boxes no link touches. ELK orders such boxes as it likes, so they are stacked here instead, in the order the file
 * lists them, and ELK gets the box that holds them as one block.
 */
const STACKED_KINDS = new Set<DiagramNodeKind>(['frontEndServer', 'persistentChatServer', 'dataCenter']);

/**
 * What ELK made of each linked group, by everything its layout depends on (the boxes, their text and nesting, and the
 * links; not findings, figures' digits or ranges): an edit inside one group lays out that group alone, and most
 * keystrokes lay out nothing. The least recently drawn go first, beyond several drawings' worth, so that a keystroke
 * that breaks the file for a moment loses nothing.
 */
const laidOut = new Map<string, Block>();
const KEPT_GROUPS = 2_000;

function headerHeight(node: DiagramNode): number {
  return TITLE_HEIGHT + node.details.length * LINE_HEIGHT + (node.capacity ? CAPACITY_BAR_HEIGHT + LINE_HEIGHT : 0);
}

function textWidth(node: DiagramNode): number {
  const lines = [node.label, ...node.details, ...(node.capacity ? [capacityFigures(node.capacity)] : [])];
  return Math.max(...lines.map((line) => line.length)) * CHAR_WIDTH + 2 * PADDING;
}

/** A group of a compound's children (or of the page's) that links join, or a child no link of that level touches. */
interface Group {
  members: DiagramNode[];
  linked: boolean;
}

/** The model as a tree of boxes: who holds whom, how big a box of fixed size is, and which children links join. */
function diagramTree(model: DiagramModel) {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const children = new Map<string | undefined, DiagramNode[]>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  for (const node of model.nodes) push(children, node.parent, node);
  const kidsOf = (node: DiagramNode) => children.get(node.id) ?? [];
  const holdsStack = (node: DiagramNode) => kidsOf(node).length > 0 && kidsOf(node).every((kid) => STACKED_KINDS.has(kid.kind));
  /** A compound whose children ELK (or the packing) places, rather than a stack or a leaf. */
  const isCompound = (node: DiagramNode) => kidsOf(node).length > 0 && !holdsStack(node);
  const edges = model.edges.filter((e) => byId.has(e.source) && byId.has(e.target));

  // A link joins, within the compound that holds both its ends (or the page), the two children it runs between.
  const ancestry = (id: string): string[] => {
    const chain: string[] = [];
    for (let node = byId.get(id); node; node = node.parent ? byId.get(node.parent) : undefined) chain.push(node.id);
    return chain;
  };
  const joins = new Map<string | undefined, [string, string][]>();
  for (const edge of edges) {
    const [from, to] = [ancestry(edge.source), ancestry(edge.target)];
    const common = from.find((id) => to.includes(id));
    const holder = common === edge.source || common === edge.target ? byId.get(common!)!.parent : common;
    const under = (chain: string[]) => chain.find((id) => byId.get(id)!.parent === holder)!;
    push(joins, holder, [under(from), under(to)]);
  }
  const groups = new Map<string | undefined, Group[]>();
  /** In the file's order. */
  const groupsIn = (holder: DiagramNode | undefined): Group[] => {
    const known = groups.get(holder?.id);
    if (known) return known;
    const links = joins.get(holder?.id) ?? [];
    const leader = new Map((children.get(holder?.id) ?? []).map((k) => [k.id, k.id]));
    const find = (id: string): string => (leader.get(id) === id ? id : find(leader.get(id)!));
    for (const [a, b] of links) leader.set(find(a), find(b));
    const members = new Map<string, DiagramNode[]>();
    for (const kid of children.get(holder?.id) ?? []) push(members, find(kid.id), kid);
    const linked = new Set(links.flat());
    const list = [...members.values()].map((m) => ({ members: m, linked: m.length > 1 || linked.has(m[0].id) }));
    groups.set(holder?.id, list);
    return list;
  };

  const stackSizes = new Map<string, { width: number; height: number }>();
  /** A leaf's size, or a stack's: its header, and its stacked children one under another. */
  const stackSize = (node: DiagramNode): { width: number; height: number } => {
    const known = stackSizes.get(node.id);
    if (known) return known;
    const kids = kidsOf(node).map(stackSize);
    const size = kids.length
      ? {
          width: Math.max(textWidth(node), Math.max(...kids.map((k) => k.width)) + 2 * PADDING),
          height: headerHeight(node) + 4 + kids.reduce((sum, k) => sum + k.height, 0) + STACK_GAP * (kids.length - 1) + PADDING,
        }
      : { width: Math.max(textWidth(node), LEAF_MIN_WIDTH), height: headerHeight(node) + 4 };
    stackSizes.set(node.id, size);
    return size;
  };

  /** A linked group as ELK takes it, and what its layout depends on: the boxes, their text and nesting, and the links. */
  const elkGroup = (group: Group): { key: string; graph: ElkGroup } => {
    const inside: DiagramNode[] = [];
    const visit = (node: DiagramNode) => {
      inside.push(node);
      kidsOf(node).forEach(visit);
    };
    group.members.forEach(visit);
    const ids = new Set(inside.map((n) => n.id));
    const links = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    const toElk = (node: DiagramNode): ElkNode =>
      isCompound(node)
        ? {
            id: node.id,
            children: kidsOf(node).map(toElk),
            layoutOptions: {
              'elk.padding': `[top=${headerHeight(node) + 4},left=${PADDING},bottom=${PADDING},right=${PADDING}]`,
              'elk.nodeSize.constraints': 'MINIMUM_SIZE',
              'elk.nodeSize.minimum': `(${textWidth(node)}, ${headerHeight(node) + 20})`,
            },
          }
        : { id: node.id, ...stackSize(node) };
    return {
      key: JSON.stringify([
        inside.map((n) => [n.id, n.parent, n.label, n.details, n.capacity && capacityFigures(n.capacity).length]),
        links.map((e) => [e.id, e.source, e.target, e.label]),
      ]),
      graph: {
        children: group.members.map(toElk),
        edges: links.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target], labels: e.label ? [{ text: e.label, width: e.label.length * CHAR_WIDTH, height: LINE_HEIGHT }] : [] })),
      },
    };
  };

  return { byId, edges, kidsOf, holdsStack, isCompound, groupsIn, stackSize, elkGroup };
}

/**
 * Places the nodes and routes the edges. Each group of boxes that links join is laid out by ELK's layered algorithm,
 * compound nodes and all; the groups nothing links are packed in rows in the file's order, inside their site or on
 * the page; the servers of a pool are stacked.
 */
export async function layoutDiagram(model: DiagramModel, top = 0): Promise<DiagramLayout> {
  const tree = diagramTree(model);
  const { byId, kidsOf, holdsStack, isCompound, groupsIn, stackSize } = tree;

  const keys = new Map<Group, string>();
  const toLayOut = new Map<string, ElkGroup>();
  const collect = (holder: DiagramNode | undefined) => {
    for (const group of groupsIn(holder)) {
      if (!group.linked) {
        if (isCompound(group.members[0])) collect(group.members[0]);
        continue;
      }
      const { key, graph } = tree.elkGroup(group);
      keys.set(group, key);
      if (!laidOut.has(key)) toLayOut.set(key, graph);
    }
  };
  collect(undefined);
  const fresh = await layOutGroups([...toLayOut.values()]);
  const blocks = new Map([...toLayOut.keys()].map((key, i) => [key, fresh[i]]));
  for (const key of keys.values()) if (!blocks.has(key)) blocks.set(key, laidOut.get(key)!);
  for (const [key, block] of blocks) {
    laidOut.delete(key);
    laidOut.set(key, block);
  }
  for (const key of laidOut.keys()) {
    if (laidOut.size <= KEPT_GROUPS) break;
    laidOut.delete(key);
  }

  /** The children of a compound (or of the page): the blocks of their groups packed in rows, inside the padding. */
  const contentBlock = (holder: DiagramNode | undefined, padding: { top: number; side: number }, minimum: { width: number; height: number }): Block => {
    const parts = groupsIn(holder).map((group): Block => {
      const [only] = group.members;
      if (group.linked) return blocks.get(keys.get(group)!)!;
      if (isCompound(only)) return compoundBlock(only);
      return { ...stackSize(only), boxes: [{ id: only.id, box: { x: 0, y: 0, ...stackSize(only) } }], routes: [] };
    });
    const packed = packRows(parts, GROUP_GAP);
    const block: Block = {
      width: Math.max(minimum.width, packed.width + 2 * padding.side),
      height: Math.max(minimum.height, packed.height + padding.top + padding.side),
      boxes: [],
      routes: [],
    };
    parts.forEach((part, i) => {
      const at = offset(packed.positions[i], { x: padding.side, y: padding.top });
      for (const { id, box } of part.boxes) block.boxes.push({ id, box: { ...box, ...offset(box, at) } });
      for (const route of part.routes) block.routes.push({ id: route.id, points: route.points.map((p) => offset(p, at)), label: route.label && offset(route.label, at) });
    });
    return block;
  };
  /** A compound nothing outside its children links into: its own box around their blocks. */
  const compoundBlock = (node: DiagramNode): Block => {
    const block = contentBlock(node, { top: headerHeight(node) + 4, side: PADDING }, { width: textWidth(node), height: headerHeight(node) + 20 });
    return { ...block, boxes: [{ id: node.id, box: { x: 0, y: 0, width: block.width, height: block.height } }, ...block.boxes] };
  };
  const page = contentBlock(undefined, { top: top + PADDING, side: PADDING }, { width: 0, height: 0 });

  const nodes: PlacedNode[] = [];
  /** The node at full width, its stacked children below its header one under another, as wide as it allows. */
  const placeStacked = (node: DiagramNode, box: Box) => {
    nodes.push({ node, box });
    let y = box.y + headerHeight(node) + 4;
    for (const kid of kidsOf(node)) {
      const { height } = stackSize(kid);
      placeStacked(kid, { x: box.x + PADDING, y, width: box.width - 2 * PADDING, height });
      y += height + STACK_GAP;
    }
  };
  for (const { id, box } of page.boxes) {
    const node = byId.get(id)!;
    if (holdsStack(node)) placeStacked(node, box);
    else nodes.push({ node, box });
  }
  const edges = new Map(tree.edges.map((e) => [e.id, e]));
  return {
    width: page.width + PADDING,
    height: page.height + PADDING,
    nodes,
    edges: page.routes.map(({ id, points, label }) => ({ edge: edges.get(id)!, points, label: label && { x: label.x, y: label.y + LINE_HEIGHT - 4 } })),
  };
}
