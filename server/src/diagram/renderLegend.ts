import type { DiagramEdgeKind, DiagramModel } from '../service/features/diagramModel';
import { EDGE_PAINT, framePaint, paintAttributes } from './diagramPaint';
import type { DiagramPalette } from './diagramPalette';
import { escapeXml } from './escapeXml';
import { CHAR_WIDTH, PADDING } from './layoutDiagram';

/** What a line style or a box style in the drawing means, in the order the legend lists them. */
const EDGE_MEANINGS: Record<DiagramEdgeKind, string> = {
  nextHop: 'next hop (SIP)',
  database: 'Persistent Chat database',
  compliance: 'compliance database',
  mirror: 'SQL Server mirroring',
  logShipping: 'log shipping',
  backEnd: 'Front End back end',
  fileStore: 'file store',
};

const TITLE = 'Legend';
const ROW_HEIGHT = 20;
const SAMPLE_WIDTH = 36;
const SAMPLE_GAP = 6;
const ENTRY_GAP = 20;

interface LegendEntry {
  /** The line style of a link kind, or the dashed box of a standby server. */
  sample: DiagramEdgeKind | 'standby';
  meaning: string;
}

/** The styles this drawing uses, each once. */
function legendEntries(model: DiagramModel): LegendEntry[] {
  const kinds = new Set(model.edges.map((e) => e.kind));
  const entries: LegendEntry[] = (Object.keys(EDGE_MEANINGS) as DiagramEdgeKind[]).filter((k) => kinds.has(k)).map((sample) => ({ sample, meaning: EDGE_MEANINGS[sample] }));
  if (model.nodes.some((n) => n.state === 'standby')) entries.push({ sample: 'standby', meaning: 'standby server' });
  return entries;
}

function sampleSvg(sample: LegendEntry['sample'], x: number, middle: number, palette: DiagramPalette): string {
  if (sample === 'standby') {
    const paint = framePaint({ kind: 'persistentChatServer', state: 'standby' });
    return `<rect${paintAttributes(paint, palette, 'sample')} x="${x}" y="${middle - 6}" width="${SAMPLE_WIDTH}" height="12" rx="3"/>`;
  }
  return `<path${paintAttributes({ ...EDGE_PAINT[sample], fill: 'none' }, palette, 'sample')} d="M${x},${middle} L${x + SAMPLE_WIDTH},${middle}" marker-end="url(#arrow)"/>`;
}

/** The legend under the drawing, its entries in rows that fit the width; nothing when the drawing has no styles to explain. */
export function renderLegend(model: DiagramModel, top: number, width: number, palette: DiagramPalette): { svg: string; height: number } {
  const entries = legendEntries(model);
  if (entries.length === 0) return { svg: '', height: 0 };
  const parts: string[] = [];
  const rowStart = PADDING + (TITLE.length + 2) * CHAR_WIDTH;
  let x = rowStart;
  let row = 0;
  for (const { sample, meaning } of entries) {
    const entryWidth = SAMPLE_WIDTH + SAMPLE_GAP + meaning.length * CHAR_WIDTH;
    if (x + entryWidth > width - PADDING && x > rowStart) {
      row++;
      x = rowStart;
    }
    const baseline = top + row * ROW_HEIGHT + 14;
    parts.push(
      `<g class="entry ${sample}">${sampleSvg(sample, x, baseline - 4, palette)}` +
        `<text x="${x + SAMPLE_WIDTH + SAMPLE_GAP}" y="${baseline}" fill="${palette.foreground}">${escapeXml(meaning)}</text></g>`,
    );
    x += entryWidth + ENTRY_GAP;
  }
  const title = `<text class="title" x="${PADDING}" y="${top + 14}" font-weight="600" fill="${palette.foreground}">${TITLE}</text>`;
  return { svg: `<g class="legend">${title}${parts.join('')}</g>`, height: (row + 1) * ROW_HEIGHT + PADDING };
}
