import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { DiagramEdge, DiagramModel, DiagramNode, DiagramNodeKind } from '../service/features/diagramModel';
import { capacityFigures } from './capacityFigures';

/** Sizes in pixels; text widths are estimated, since no font metrics exist outside a browser. */
export const CHAR_WIDTH = 7;
export const LINE_HEIGHT = 16;
export const TITLE_HEIGHT = 22;
/** The bar, and the space between it and its figures below. */
export const CAPACITY_BAR_HEIGHT = 10;
export const PADDING = 10;
/** Between servers stacked in a pool or a data center. */
const STACK_GAP = 8;
const LEAF_MIN_WIDTH = 120;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

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

const elk = new ELK();

/**
 * Boxes no link touches. ELK orders such boxes as it likes, so they are stacked here instead, in the order the file
 * lists them, and ELK gets the box that holds them as one block.
 */
const STACKED_KINDS = new Set<DiagramNodeKind>(['frontEndServer', 'persistentChatServer', 'dataCenter']);

function headerHeight(node: DiagramNode): number {
  return TITLE_HEIGHT + node.details.length * LINE_HEIGHT + (node.capacity ? CAPACITY_BAR_HEIGHT + LINE_HEIGHT : 0);
}

function textWidth(node: DiagramNode): number {
  const lines = [node.label, ...node.details, ...(node.capacity ? [capacityFigures(node.capacity)] : [])];
  return Math.max(...lines.map((line) => line.length)) * CHAR_WIDTH + 2 * PADDING;
}

/** Places the nodes and routes the edges with ELK's layered algorithm, compound nodes and all; stacks the servers. */
export async function layoutDiagram(model: DiagramModel, top = 0): Promise<DiagramLayout> {
  const children = new Map<string | undefined, DiagramNode[]>();
  for (const node of model.nodes) {
    const list = children.get(node.parent) ?? [];
    list.push(node);
    children.set(node.parent, list);
  }
  const kidsOf = (node: DiagramNode) => children.get(node.id) ?? [];
  const holdsStack = (node: DiagramNode) => kidsOf(node).length > 0 && kidsOf(node).every((kid) => STACKED_KINDS.has(kid.kind));

  const stackSizes = new Map<string, { width: number; height: number }>();
  const stackSize = (node: DiagramNode): { width: number; height: number } => {
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

  const toElk = (node: DiagramNode): ElkNode => {
    const kids = kidsOf(node);
    if (kids.length === 0 || holdsStack(node)) return { id: node.id, ...stackSize(node) };
    return {
      id: node.id,
      children: kids.map(toElk),
      layoutOptions: {
        'elk.padding': `[top=${headerHeight(node) + 4},left=${PADDING},bottom=${PADDING},right=${PADDING}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${textWidth(node)}, ${headerHeight(node) + 20})`,
      },
    };
  };
  const known = new Set(model.nodes.map((n) => n.id));
  const edges: ElkExtendedEdge[] = model.edges
    .filter((e) => known.has(e.source) && known.has(e.target))
    .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target], labels: e.label ? [{ text: e.label, width: e.label.length * CHAR_WIDTH, height: LINE_HEIGHT }] : [] }));
  const graph: ElkNode = {
    id: '__root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.edgeLabels.inline': 'true',
      'elk.padding': `[top=${top + PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]`,
    },
    children: (children.get(undefined) ?? []).map(toElk),
    edges,
  };
  const root = await elk.layout(graph);

  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const origin = new Map<string, { x: number; y: number }>([['__root', { x: 0, y: 0 }]]);
  const nodes: PlacedNode[] = [];
  /** The node at full width, its stacked children below its header one under another, as wide as it allows. */
  const placeStacked = (node: DiagramNode, box: Box) => {
    nodes.push({ node, box });
    let y = box.y + headerHeight(node) + 4;
    for (const kid of kidsOf(node)) {
      const { height } = stackSizes.get(kid.id)!;
      placeStacked(kid, { x: box.x + PADDING, y, width: box.width - 2 * PADDING, height });
      y += height + STACK_GAP;
    }
  };
  const place = (elkNode: ElkNode, parentX: number, parentY: number) => {
    const x = parentX + (elkNode.x ?? 0);
    const y = parentY + (elkNode.y ?? 0);
    origin.set(elkNode.id, { x, y });
    const node = byId.get(elkNode.id)!;
    const box = { x, y, width: elkNode.width ?? 0, height: elkNode.height ?? 0 };
    if (holdsStack(node)) return placeStacked(node, box);
    nodes.push({ node, box });
    for (const child of elkNode.children ?? []) place(child, x, y);
  };
  for (const child of root.children ?? []) place(child, 0, 0);

  const placedEdges: PlacedEdge[] = [];
  const modelEdges = new Map(model.edges.map((e) => [e.id, e]));
  for (const elkEdge of (root.edges ?? []) as (ElkExtendedEdge & { container?: string })[]) {
    const offset = origin.get(elkEdge.container ?? '__root') ?? { x: 0, y: 0 };
    const section = elkEdge.sections?.[0];
    if (!section) continue;
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: p.x + offset.x, y: p.y + offset.y }));
    const label = elkEdge.labels?.[0];
    placedEdges.push({
      edge: modelEdges.get(elkEdge.id)!,
      points,
      label: label && { x: (label.x ?? 0) + offset.x, y: (label.y ?? 0) + offset.y + LINE_HEIGHT - 4 },
    });
  }
  return { width: (root.width ?? 0) + PADDING, height: (root.height ?? 0) + PADDING, nodes, edges: placedEdges };
}
