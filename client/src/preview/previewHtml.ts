import { PREVIEW_DIAGRAM_STYLE } from '../../../server/src/diagram/diagramStyle';

export interface PreviewPageOptions {
  /** The webview's own source, for the Content-Security-Policy. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The diagram worker's script, which the page fetches and starts from a blob. */
  workerUri: string;
  title: string;
}

/**
 * The page is static; every model to draw arrives as a message. Nothing remote, nothing inline without the nonce,
 * and the one worker from a blob of the extension's own script.
 */
export function previewHtml({ cspSource, nonce, scriptUri, styleUri, workerUri, title }: PreviewPageOptions): string {
  const csp = [
    `default-src 'none'`,
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `connect-src ${cspSource}`,
    `worker-src blob:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${title.replace(/</g, '&lt;')}</title>
<link rel="stylesheet" href="${styleUri}">
<style nonce="${nonce}">${PREVIEW_DIAGRAM_STYLE}</style>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="Diagram">
  <button id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button id="zoom-out" title="Zoom out (-)" aria-label="Zoom out">−</button>
  <button id="fit" title="Fit to view (0)" aria-label="Fit to view">Fit</button>
  <button id="export" title="Export as SVG" aria-label="Export as SVG">Export SVG</button>
  <button id="lock" title="Lock the preview to this file" aria-label="Lock preview" aria-pressed="false">Lock</button>
  <span id="status" role="status" aria-live="polite"></span>
</div>
<div id="viewport" tabindex="0" aria-label="Topology diagram: arrow keys pan, + and - zoom, 0 fits, Tab moves between entities, Enter shows one in the editor">
  <div id="canvas"><p class="placeholder">Loading the topology…</p></div>
</div>
<script nonce="${nonce}" src="${scriptUri}" data-worker="${workerUri}"></script>
</body>
</html>`;
}

