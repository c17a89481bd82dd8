import type { Severity } from '../service/types';
import { FONT_FAMILY, paintClass } from './diagramPaint';
import { PALETTES, VSCODE_COLOUR_VARIABLES, type PaletteColour } from './diagramPalette';

const themed = (colour: PaletteColour) => `var(${VSCODE_COLOUR_VARIABLES[colour]}, ${PALETTES.light[colour]})`;

/**
 * The preview page's style: it repaints the drawing's colours, which the SVG carries as values, from VS Code's theme
 * variables, so that the preview follows the editor's theme as it changes; and it marks the focused and selected node.
 */
export const PREVIEW_DIAGRAM_STYLE = [
  `.pchat-diagram { font-family: var(--vscode-font-family, ${FONT_FAMILY}); }`,
  `.pchat-diagram text { fill: ${themed('foreground')}; }`,
  ...(Object.keys(VSCODE_COLOUR_VARIABLES) as PaletteColour[]).flatMap((colour) => [
    `.pchat-diagram .${paintClass('fill', colour)} { fill: ${themed(colour)}; }`,
    `.pchat-diagram .${paintClass('stroke', colour)} { stroke: ${themed(colour)}; }`,
  ]),
  `.node:focus { outline: none; }`,
  `.node.selected > rect.frame, .node:focus > rect.frame { stroke: var(--vscode-focusBorder, #0078d4); stroke-width: 3; }`,
].join('\n');

/** "2 errors · 1 warning", or "no problems": the diagram's header and the preview's status line. */
export function findingsSummary(counts: Record<Severity, number>): string {
  const parts = (['error', 'warning', 'information', 'hint'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s === 'information' ? 'info' : s}${counts[s] === 1 || s === 'information' ? '' : 's'}`);
  return parts.length ? parts.join(' · ') : 'no problems';
}
