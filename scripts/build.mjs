// Bundles each entry point into one file under dist/, so that activation and CLI start stay fast.
import { build } from 'esbuild';

const production = process.argv.includes('--production');

await build({
  entryPoints: { cli: 'server/src/cli/run.ts', server: 'server/src/lsp/main.ts', extension: 'client/src/extension.ts' },
  // resvg is a native module (one prebuilt package per platform): it stays in node_modules, loaded by PNG output only.
  external: ['vscode', '@resvg/resvg-js'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // ESM dependencies bundled into CommonJS still ask for import.meta.url.
  banner: { js: 'const __importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl' },
});

// The preview's Web Worker (ELK's layout and the SVG), which the webview page starts; the same on the desktop and the web.
await build({
  entryPoints: { diagramWorker: 'client/src/preview/diagramWorker.ts' },
  outdir: 'dist/webview',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
});

// The web extension (vscode.dev, github.dev): the client in the browser's extension host, the server in a web worker.
// Built for the browser, so that a Node built-in asked for by either fails the build.
await build({
  entryPoints: { extension: 'client/src/browserExtension.ts', server: 'server/src/lsp/browserMain.ts' },
  external: ['vscode'],
  outdir: 'dist/browser',
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
});
