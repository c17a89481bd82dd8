// The preview's Web Worker: lays the diagram model out with ELK and writes its SVG, away from the webview's page and
// from the extension host. Bundled on its own into dist/webview/diagramWorker.js, which the page starts from a blob.
import type { DiagramTheme } from '../../../server/src/diagram/diagramPalette';
import { renderDiagramParts, svgDocument, type SvgParts } from '../../../server/src/diagram/renderSvg';
import type { DiagramModel } from '../../../server/src/service/features/diagramModel';

/**
 * What the page asks for: the drawing of a model to show (in the light theme's colours, which the page restyles),
 * saying which drawing it shows now; or one to export, in the colours of a theme.
 */
type DrawRequest = { id: number; model: DiagramModel } & ({ kind: 'show'; shown: number | null } | { kind: 'export'; theme: DiagramTheme });

/**
 * The drawing as a document, or as the children of the shown drawing's root to replace (by their index), when only
 * some changed; and how long it took here.
 */
type DrawReply = { id: number; ms: number; svg: string } | { id: number; ms: number; patch: [number, string][] } | { id: number; error: string };

declare const self: {
  onmessage: ((event: { data: DrawRequest }) => void) | null;
  postMessage(reply: DrawReply): void;
};

/** The last drawing made for the page to show. */
let shown: { id: number; parts: SvgParts } | undefined;

/** The children that changed, when the root and the number of children did not and at most half of them did. */
function patchOf(before: SvgParts, after: SvgParts): [number, string][] | undefined {
  if (before.root !== after.root || before.children.length !== after.children.length) return undefined;
  const changed = after.children.flatMap((markup, i): [number, string][] => (markup === before.children[i] ? [] : [[i, markup]]));
  return changed.length * 2 <= after.children.length ? changed : undefined;
}

async function draw(request: DrawRequest): Promise<void> {
  const { id, model } = request;
  const started = performance.now();
  try {
    if (request.kind === 'export') {
      const svg = svgDocument(await renderDiagramParts(model, request.theme));
      self.postMessage({ id, ms: performance.now() - started, svg });
      return;
    }
    const parts = await renderDiagramParts(model);
    const patch = shown && request.shown === shown.id ? patchOf(shown.parts, parts) : undefined;
    shown = { id, parts };
    self.postMessage(patch ? { id, ms: performance.now() - started, patch } : { id, ms: performance.now() - started, svg: svgDocument(parts) });
  } catch (error) {
    self.postMessage({ id, error: (error as Error).message });
  }
}

// One drawing at a time, in the order asked, so that each reuses what the one before laid out.
let drawing = Promise.resolve();
// ELK, loaded above, finds itself in a worker and takes `self.onmessage` for its own protocol; this takes it back.
self.onmessage = ({ data }) => {
  drawing = drawing.then(() => draw(data));
};
