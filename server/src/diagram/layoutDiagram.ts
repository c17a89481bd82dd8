import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { DiagramEdge, DiagramModel, DiagramNode } from '../service/features/diagramModel';

/** Sizes in pixels; text widths are estimated, since no font metrics exist outside a browser. */
export const CHAR_WIDTH = 7;
export const LINE_HEIGHT = 16;
const TITLE_HEIGHT = 22;
const CAPACITY_BAR_HEIGHT = 14;
const PADDING = 10;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNode {
  node: DiagramNode;
  box: Box;
  /** Height of the label area at the top of the node. */
  headerHeight: number;
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

function headerHeight(node: DiagramNode): number {
  return TITLE_HEIGHT + node.details.length * LINE_HEIGHT + (node.capacity ? CAPACITY_BAR_HEIGHT : 0);
}

function textWidth(node: DiagramNode): number {
  return Math.max(node.label.length, ...node.details.map((d) => d.length)) * CHAR_WIDTH + 2 * PADDING;
}

/** Places the nodes and routes the edges with ELK's layered algorithm, compound nodes and all. */
export async function layoutDiagram(model: DiagramModel, top = 0): Promise<DiagramLayout> {
  const children = new Map<string | undefined, DiagramNode[]>();
  for (const node of model.nodes) {
    const list = children.get(node.parent) ?? [];
    list.push(node);
    children.set(node.parent, list);
  }
  const toElk = (node: DiagramNode): ElkNode => {
    const kids = children.get(node.id) ?? [];
    if (kids.length === 0) return { id: node.id, width: Math.max(textWidth(node), 120), height: headerHeight(node) + 4 };
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
  const place = (elkNode: ElkNode, parentX: number, parentY: number) => {
    const x = parentX + (elkNode.x ?? 0);
    const y = parentY + (elkNode.y ?? 0);
    origin.set(elkNode.id, { x, y });
    const node = byId.get(elkNode.id)!;
    nodes.push({ node, box: { x, y, width: elkNode.width ?? 0, height: elkNode.height ?? 0 }, headerHeight: headerHeight(node) });
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
