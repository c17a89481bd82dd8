import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

/** A piece of the drawing laid out on its own: its size, and the boxes and links' routes in it from its top-left corner. */
export interface Block {
  width: number;
  height: number;
  boxes: { id: string; box: Box }[];
  routes: { id: string; points: Point[]; label?: Point }[];
}

/** A group of boxes links join, as ELK takes it: the boxes (compound ones with their children) and the links. */
export type ElkGroup = Required<Pick<ElkNode, 'children' | 'edges'>>;

// Only the algorithms used: ELK registers each one when it starts.
const elk = new ELK({ algorithms: ['layered'] });

const GROUP_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.spacing.nodeNode': '24',
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.edgeLabels.inline': 'true',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};

export const offset = (p: Point, by: Point): Point => ({ x: p.x + by.x, y: p.y + by.y });

/**
 * Lays out each group with ELK's layered algorithm, compound nodes and all, in one call for all of them (ELK pays a
 * good part of its time per call): each group is a node of a graph that keeps them where they are.
 */
export async function layOutGroups(groups: ElkGroup[]): Promise<Block[]> {
  if (groups.length === 0) return [];
  const root = await elk.layout({
    id: '__groups',
    layoutOptions: { 'elk.algorithm': 'fixed' },
    children: groups.map((group, i) => ({ id: `__group${i}`, layoutOptions: GROUP_OPTIONS, ...group })),
  });
  return (root.children ?? []).map(toBlock);
}

function toBlock(group: ElkNode): Block {
  const block: Block = { width: group.width ?? 0, height: group.height ?? 0, boxes: [], routes: [] };
  // Links come back in the coordinates of the box ELK says holds them (their container).
  const origin = new Map<string, Point>([[group.id, { x: 0, y: 0 }]]);
  const place = (node: ElkNode, parent: Point) => {
    const at = offset({ x: node.x ?? 0, y: node.y ?? 0 }, parent);
    origin.set(node.id, at);
    block.boxes.push({ id: node.id, box: { ...at, width: node.width ?? 0, height: node.height ?? 0 } });
    for (const child of node.children ?? []) place(child, at);
  };
  for (const child of group.children ?? []) place(child, { x: 0, y: 0 });
  for (const edge of (group.edges ?? []) as (ElkExtendedEdge & { container?: string })[]) {
    const from = origin.get(edge.container ?? group.id) ?? { x: 0, y: 0 };
    const section = edge.sections?.[0];
    if (!section) continue;
    const label = edge.labels?.[0];
    block.routes.push({
      id: edge.id,
      points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => offset(p, from)),
      label: label && offset({ x: label.x ?? 0, y: label.y ?? 0 }, from),
    });
  }
  return block;
}
