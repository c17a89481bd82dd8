import type { DiagramModel, DiagramNode } from '../service/features/diagramModel';
import type { Severity } from '../service/types';
import { LINE_HEIGHT, layoutDiagram, type PlacedEdge, type PlacedNode } from './layoutDiagram';

const HEADER_HEIGHT = 28;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Colours come from VS Code's theme variables inside the editor, and from the fallbacks in a standalone file. */
export const DIAGRAM_STYLE = `
.pchat-diagram { font-family: var(--vscode-font-family, 'Segoe UI', Arial, sans-serif); font-size: 12px; }
.pchat-diagram text { fill: var(--vscode-foreground, #1f1f1f); }
.pchat-diagram .header { font-size: 14px; font-weight: 600; }
.node > rect.frame { fill: var(--vscode-editor-background, #ffffff); stroke: var(--vscode-foreground, #5a5a5a); stroke-width: 1; rx: 4; }
.node.site > rect.frame { fill: var(--vscode-sideBar-background, #f6f6f6); stroke-dasharray: 8 4; }
.node.dataCenter > rect.frame { fill: none; stroke-dasharray: 3 3; }
.node.persistentChatPool > rect.frame { stroke: var(--vscode-charts-blue, #1a73e8); }
.node.frontEndPool > rect.frame { stroke: var(--vscode-charts-purple, #8e44ad); }
.node.sqlComputer > rect.frame { stroke: var(--vscode-charts-orange, #d35400); }
.node.persistentChatServer.active > rect.frame { fill: var(--vscode-charts-blue, #1a73e8); fill-opacity: 0.15; }
.node.persistentChatServer.standby > rect.frame { stroke-dasharray: 5 3; fill-opacity: 0; }
.node.persistentChatServer.standby text { font-style: italic; opacity: 0.75; }
.node .title { font-weight: 600; }
.node .detail { opacity: 0.85; }
.node.error > rect.frame { stroke: var(--vscode-editorError-foreground, #e51400); stroke-width: 3; }
.node.warning > rect.frame { stroke: var(--vscode-editorWarning-foreground, #bf8803); stroke-width: 3; }
.node.information > rect.frame, .node.hint > rect.frame { stroke: var(--vscode-editorInfo-foreground, #1a85ff); stroke-width: 2; }
.node.selected > rect.frame { stroke: var(--vscode-focusBorder, #0078d4); stroke-width: 3; }
.node:focus { outline: none; }
.node:focus > rect.frame { stroke: var(--vscode-focusBorder, #0078d4); stroke-width: 3; }
.capacity .track { fill: var(--vscode-editorWidget-border, #c8c8c8); }
.capacity .used { fill: var(--vscode-charts-green, #2e7d32); }
.capacity.over .used { fill: var(--vscode-editorError-foreground, #e51400); }
.edge path { fill: none; stroke: var(--vscode-foreground, #5a5a5a); stroke-width: 1.2; marker-end: url(#arrow); }
.edge.mirror path { stroke-dasharray: 6 3; }
.edge.logShipping path { stroke-dasharray: 2 3; }
.edge.nextHop path { stroke: var(--vscode-charts-purple, #8e44ad); stroke-width: 2; }
.edge text { font-size: 11px; }
#arrow path { fill: var(--vscode-foreground, #5a5a5a); }
`;

function countsLine(counts: Record<Severity, number>): string {
  const parts = (['error', 'warning', 'information', 'hint'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s === 'information' ? 'info' : s}${counts[s] === 1 || s === 'information' ? '' : 's'}`);
  return parts.length ? parts.join(' · ') : 'no problems';
}

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

/** The pool layout as one standalone SVG document: the preview shows it, the CLI writes it. */
export async function renderDiagramSvg(model: DiagramModel): Promise<string> {
  const layout = await layoutDiagram(model, HEADER_HEIGHT);
  const width = Math.max(layout.width, 360);
  const height = layout.height;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="pchat-diagram" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" width="${Math.ceil(width)}" height="${Math.ceil(height)}" role="img" aria-label="${escapeXml(`Persistent Chat topology ${model.title}`)}">`,
    `<style>${DIAGRAM_STYLE}</style>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>`,
    `<text class="header" x="10" y="20">${escapeXml(model.title)} — ${countsLine(model.counts)}</text>`,
    ...layout.nodes.map(renderNode),
    ...layout.edges.map(renderEdge),
    '</svg>',
  ].join('\n');
}
