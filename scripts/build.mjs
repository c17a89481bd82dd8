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
