import type { DiagramModel, DiagramNode } from '../service/features/diagramModel';
import { capacityFigures } from './capacityFigures';
import { findingsSummary } from './diagramStyle';
import { EDGE_PAINT, FONT_FAMILY, framePaint, paintAttributes } from './diagramPaint';
import { PALETTES, type DiagramPalette, type DiagramTheme } from './diagramPalette';
import { CAPACITY_BAR_HEIGHT, LINE_HEIGHT, TITLE_HEIGHT, layoutDiagram, type PlacedEdge, type PlacedNode } from './layoutDiagram';
import { renderLegend } from './renderLegend';
import { escapeXml } from './escapeXml';

const HEADER_HEIGHT = 28;
const MIN_WIDTH = 360;

function capacityBar(capacity: NonNullable<DiagramNode['capacity']>, x: number, y: number, width: number, palette: DiagramPalette): string {
  const { planned, capacity: limit } = capacity;
  const ratio = planned === undefined ? 0 : limit === 0 ? 1 : planned / limit;
  const used = Math.min(ratio, 1) * width;
  const figures = escapeXml(capacityFigures(capacity));
  return (
    `<g class="capacity${ratio > 1 ? ' over' : ''}"><rect${paintAttributes({ fill: 'capacityTrack' }, palette, 'track')} x="${x}" y="${y}" width="${width}" height="6" rx="3"/>` +
    `<rect${paintAttributes({ fill: ratio > 1 ? 'error' : 'capacityUsed' }, palette, 'used')} x="${x}" y="${y}" width="${used.toFixed(1)}" height="6" rx="3"/>` +
    `<text class="figures" x="${x}" y="${y + CAPACITY_BAR_HEIGHT + 12}" font-size="11" fill="${palette.foreground}">${figures}</text><title>${figures}</title></g>`
  );
}

function renderNode({ node, box }: PlacedNode, palette: DiagramPalette): string {
  const classes = ['node', node.kind, node.state, node.severity].filter(Boolean).join(' ');
  const { start, end } = node.range;
  const tooltip = [node.label, ...node.details, ...node.messages].join('\n');
  const standby = node.state === 'standby' ? ' font-style="italic" fill-opacity="0.75"' : '';
  const lines = [`<text class="title" x="${box.x + 8}" y="${box.y + 16}" font-weight="600" fill="${palette.foreground}"${standby}>${escapeXml(node.label)}</text>`];
  node.details.forEach((d, i) =>
    lines.push(`<text class="detail" x="${box.x + 8}" y="${box.y + 16 + (i + 1) * LINE_HEIGHT}" fill="${palette.foreground}" fill-opacity="0.85">${escapeXml(d)}</text>`),
  );
  if (node.capacity) lines.push(capacityBar(node.capacity, box.x + 8, box.y + TITLE_HEIGHT + node.details.length * LINE_HEIGHT, Math.max(box.width - 16, 40), palette));
  const ariaLabel = `${node.label}${node.messages.length ? `: ${node.messages.length} finding(s)` : ''}`;
  return (
    `<g class="${classes}" data-id="${escapeXml(node.id)}" data-range="${start.line},${start.character},${end.line},${end.character}" tabindex="0" role="button" aria-label="${escapeXml(ariaLabel)}">` +
    `<title>${escapeXml(tooltip)}</title>` +
    `<rect${paintAttributes(framePaint(node), palette, 'frame')} x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="4"/>` +
    lines.join('') +
    `</g>`
  );
}

function renderEdge({ edge, points, label }: PlacedEdge, palette: DiagramPalette): string {
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const text = edge.label && label ? `<text x="${label.x.toFixed(1)}" y="${label.y.toFixed(1)}" font-size="11" fill="${palette.foreground}">${escapeXml(edge.label)}</text>` : '';
  return (
    `<g class="edge ${edge.kind}" data-id="${escapeXml(edge.id)}" data-source="${escapeXml(edge.source)}" data-target="${escapeXml(edge.target)}">` +
    `<path${paintAttributes({ ...EDGE_PAINT[edge.kind], fill: 'none' }, palette)} d="${d}" marker-end="url(#arrow)"/>${text}</g>`
  );
}

/** An SVG document as its root's opening tag and the markup of the root's children, in order. */
export interface SvgParts {
  root: string;
  children: string[];
}

/**
 * The pool layout as one standalone SVG document, in the theme's colours written as values, in parts: the preview
 * replaces only the children that changed.
 */
export async function renderDiagramParts(model: DiagramModel, theme: DiagramTheme = 'light'): Promise<SvgParts> {
  const palette = PALETTES[theme];
  const layout = await layoutDiagram(model, HEADER_HEIGHT);
  const width = Math.ceil(Math.max(layout.width, MIN_WIDTH));
  const legend = renderLegend(model, layout.height, width, palette);
  const height = Math.ceil(layout.height + legend.height);
  return {
    root: `<svg xmlns="http://www.w3.org/2000/svg" class="pchat-diagram" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${escapeXml(FONT_FAMILY)}" font-size="12" role="img" aria-label="${escapeXml(`Persistent Chat topology ${model.title}`)}">`,
    children: [
      `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path${paintAttributes({ fill: 'border' }, palette)} d="M0,0 L10,5 L0,10 z"/></marker></defs>`,
      `<rect${paintAttributes({ fill: 'background' }, palette, 'background')} x="0" y="0" width="${width}" height="${height}"/>`,
      `<text class="header" x="10" y="20" font-size="14" font-weight="600" fill="${palette.foreground}">${escapeXml(model.title)} — ${findingsSummary(model.counts)}</text>`,
      ...layout.nodes.map((p) => renderNode(p, palette)),
      ...layout.edges.map((p) => renderEdge(p, palette)),
      ...(legend.svg ? [legend.svg] : []),
    ],
  };
}

export function svgDocument({ root, children }: SvgParts): string {
  return [root, ...children, '</svg>'].join('\n');
}

/** The same as one document: the CLI writes it, the preview exports it, and shows it restyled by the editor's theme. */
export async function renderDiagramSvg(model: DiagramModel, theme: DiagramTheme = 'light'): Promise<string> {
  return svgDocument(await renderDiagramParts(model, theme));
}
