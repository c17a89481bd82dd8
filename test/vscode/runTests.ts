/**
 * npm run test:vscode: the extension-host suite under @vscode/test-electron. It needs a VS Code desktop; on a
 * closed network none can be downloaded, so it runs only where VSCODE_EXECUTABLE_PATH names one.
 */
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers';

async function main(): Promise<number> {
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  if (!executable) {
    console.error('test:vscode: no VS Code desktop here (it cannot be downloaded on this network); set VSCODE_EXECUTABLE_PATH to a VS Code executable to run this suite.');
    return 1;
  }
  const suite = join(REPO, '.artifacts', 'vscode-suite');
  await build({ entryPoints: [join(__dirname, 'suite', 'index.ts')], outfile: join(suite, 'index.js'), bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], logLevel: 'warning' });
  const workspace = mkdtempSync(join(tmpdir(), 'pchat-vscode-'));
  mkdirSync(workspace, { recursive: true });
  cpSync(join(REPO, 'examples'), workspace, { recursive: true });
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: join(suite, 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`test:vscode: ${(error as Error).message}`);
    process.exit(1);
  },
);
