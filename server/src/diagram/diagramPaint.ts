import type { DiagramEdgeKind, DiagramNode, DiagramNodeKind } from '../service/features/diagramModel';
import type { Severity } from '../service/types';
import type { DiagramPalette, PaletteColour } from './diagramPalette';
import { escapeXml } from './escapeXml';

/** How a shape is painted, in palette colours rather than values, so that the preview can repaint it from the editor's theme. */
export interface Paint {
  fill?: PaletteColour | 'none';
  fillOpacity?: number;
  stroke?: PaletteColour;
  strokeWidth?: number;
  /** An SVG stroke-dasharray. */
  dash?: string;
}

/** Named for any platform: Segoe UI on Windows, Arial or its metric twin elsewhere, whatever sans-serif there is last. */
export const FONT_FAMILY = "'Segoe UI', Arial, 'Liberation Sans', Helvetica, sans-serif";

const FRAME: Paint = { fill: 'background', stroke: 'border', strokeWidth: 1 };

const FRAME_BY_KIND: Partial<Record<DiagramNodeKind, Paint>> = {
  site: { fill: 'siteBackground', dash: '8 4' },
  dataCenter: { fill: 'none', dash: '3 3' },
  persistentChatPool: { stroke: 'persistentChat' },
  frontEndPool: { stroke: 'frontEnd' },
  sqlComputer: { stroke: 'sql' },
  fileStore: { stroke: 'fileStore' },
};

const FRAME_BY_STATE: Record<NonNullable<DiagramNode['state']>, Paint> = {
  active: { fill: 'persistentChat', fillOpacity: 0.15 },
  standby: { dash: '5 3' },
};

const FRAME_BY_SEVERITY: Record<Severity, Paint> = {
  error: { stroke: 'error', strokeWidth: 3 },
  warning: { stroke: 'warning', strokeWidth: 3 },
  information: { stroke: 'information', strokeWidth: 2 },
  hint: { stroke: 'information', strokeWidth: 2 },
};

/** A node's box: by kind, then its state, then the worst of its findings. */
export function framePaint(node: Pick<DiagramNode, 'kind' | 'state' | 'severity'>): Paint {
  return { ...FRAME, ...FRAME_BY_KIND[node.kind], ...(node.state && FRAME_BY_STATE[node.state]), ...(node.severity && FRAME_BY_SEVERITY[node.severity]) };
}

export const EDGE_PAINT: Record<DiagramEdgeKind, Paint> = {
  nextHop: { stroke: 'frontEnd', strokeWidth: 2 },
  database: { stroke: 'border', strokeWidth: 1.2 },
  compliance: { stroke: 'sql', strokeWidth: 1.2, dash: '8 3 2 3' },
  mirror: { stroke: 'border', strokeWidth: 1.2, dash: '6 3' },
  logShipping: { stroke: 'border', strokeWidth: 1.2, dash: '2 3' },
  backEnd: { stroke: 'border', strokeWidth: 1.2 },
  fileStore: { stroke: 'fileStore', strokeWidth: 1.2 },
};

/** The class the preview's page style repaints a fill or stroke by. */
export const paintClass = (property: 'fill' | 'stroke', colour: PaletteColour) => `${property}-${colour}`;

/**
 * ` class="…" fill="…" stroke="…"`: the paint as presentation attributes in the palette's colours, which every SVG
 * reader understands, and as classes that let the preview's style override them.
 */
export function paintAttributes(paint: Paint, palette: DiagramPalette, className?: string): string {
  const { fill, stroke } = paint;
  const classes = [className, fill && fill !== 'none' && paintClass('fill', fill), stroke && paintClass('stroke', stroke)].filter(Boolean);
  const attributes: [string, string | number | undefined][] = [
    ['class', classes.join(' ') || undefined],
    ['fill', fill && (fill === 'none' ? 'none' : palette[fill])],
    ['fill-opacity', paint.fillOpacity],
    ['stroke', stroke && palette[stroke]],
    ['stroke-width', paint.strokeWidth],
    ['stroke-dasharray', paint.dash],
  ];
  return attributes
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}
