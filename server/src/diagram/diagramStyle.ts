import type { Severity } from '../service/types';

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

/** "2 errors · 1 warning", or "no problems": the diagram's header and the preview's status line. */
export function findingsSummary(counts: Record<Severity, number>): string {
  const parts = (['error', 'warning', 'information', 'hint'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s === 'information' ? 'info' : s}${counts[s] === 1 || s === 'information' ? '' : 's'}`);
  return parts.length ? parts.join(' · ') : 'no problems';
}
