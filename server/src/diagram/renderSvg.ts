import type { DiagramModel, DiagramNode } from '../service/features/diagramModel';
import { DIAGRAM_STYLE, findingsSummary } from './diagramStyle';
import { LINE_HEIGHT, layoutDiagram, type DiagramLayout, type PlacedEdge, type PlacedNode } from './layoutDiagram';
import { escapeXml } from './escapeXml';

const HEADER_HEIGHT = 28;

function capacityBar(node: DiagramNode, x: number, y: number, width: number): string {
  const { planned, capacity } = node.capacity!;
  const ratio = planned === undefined ? 0 : capacity === 0 ? 1 : planned / capacity;
  const used = Math.min(ratio, 1) * width;
  const text = planned === undefined ? `capacity ${capacity.toLocaleString('en-US')}` : `${planned.toLocaleString('en-US')} / ${capacity.toLocaleString('en-US')} users`;
  return (
    `<g class="capacity${ratio > 1 ? ' over' : ''}"><rect class="track" x="${x}" y="${y}" width="${width}" height="6" rx="3"/>` +
    `<rect class="used" x="${x}" y="${y}" width="${used.toFixed(1)}" height="6" rx="3"/><title>${escapeXml(text)}</title></g>`
  );
}

function renderNode({ node, box, headerHeight }: PlacedNode): string {
  const classes = ['node', node.kind, node.state, node.severity].filter(Boolean).join(' ');
  const { start, end } = node.range;
  const tooltip = [node.label, ...node.details, ...node.messages].join('\n');
  const lines = [`<text class="title" x="${box.x + 8}" y="${box.y + 16}">${escapeXml(node.label)}</text>`];
  node.details.forEach((d, i) => lines.push(`<text class="detail" x="${box.x + 8}" y="${box.y + 16 + (i + 1) * LINE_HEIGHT}">${escapeXml(d)}</text>`));
  if (node.capacity) lines.push(capacityBar(node, box.x + 8, box.y + headerHeight - 10, Math.max(box.width - 16, 40)));
  const ariaLabel = `${node.label}${node.messages.length ? `: ${node.messages.length} finding(s)` : ''}`;
  return (
    `<g class="${classes}" data-id="${escapeXml(node.id)}" data-range="${start.line},${start.character},${end.line},${end.character}" tabindex="0" role="button" aria-label="${escapeXml(ariaLabel)}">` +
    `<title>${escapeXml(tooltip)}</title>` +
    `<rect class="frame" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}"/>` +
    lines.join('') +
    `</g>`
  );
}

function renderEdge({ edge, points, label }: PlacedEdge): string {
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const text = edge.label && label ? `<text x="${label.x.toFixed(1)}" y="${label.y.toFixed(1)}">${escapeXml(edge.label)}</text>` : '';
  return `<g class="edge ${edge.kind}" data-id="${escapeXml(edge.id)}" data-source="${escapeXml(edge.source)}" data-target="${escapeXml(edge.target)}"><path d="${d}"/>${text}</g>`;
}

/** What the layout depends on: the boxes, their text and nesting, and the links; not findings or YAML ranges. */
function layoutKey(model: DiagramModel): string {
  return JSON.stringify([model.nodes.map((n) => [n.id, n.parent, n.label, n.details, !!n.capacity]), model.edges.map((e) => [e.id, e.source, e.target, e.label])]);
}

/** The last layout, reused while only findings, figures or ranges change, as they do with most keystrokes. */
let lastLayout: { key: string; layout: DiagramLayout } | undefined;

async function layoutFor(model: DiagramModel): Promise<DiagramLayout> {
  const key = layoutKey(model);
  if (lastLayout?.key !== key) lastLayout = { key, layout: await layoutDiagram(model, HEADER_HEIGHT) };
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  const edges = new Map(model.edges.map((e) => [e.id, e]));
  const { layout } = lastLayout;
  return { ...layout, nodes: layout.nodes.map((p) => ({ ...p, node: nodes.get(p.node.id)! })), edges: layout.edges.map((p) => ({ ...p, edge: edges.get(p.edge.id)! })) };
}

/** The pool layout as one standalone SVG document: the preview shows it, the CLI writes it. */
export async function renderDiagramSvg(model: DiagramModel): Promise<string> {
  const layout = await layoutFor(model);
  const width = Math.max(layout.width, 360);
  const height = layout.height;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="pchat-diagram" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" width="${Math.ceil(width)}" height="${Math.ceil(height)}" role="img" aria-label="${escapeXml(`Persistent Chat topology ${model.title}`)}">`,
    `<style>${DIAGRAM_STYLE}</style>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>`,
    `<text class="header" x="10" y="20">${escapeXml(model.title)} — ${findingsSummary(model.counts)}</text>`,
    ...layout.nodes.map(renderNode),
    ...layout.edges.map(renderEdge),
    '</svg>',
  ].join('\n');
}
