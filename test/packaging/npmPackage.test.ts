import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO } from '../helpers';

/**
 * The npm package a user installs (`npm i -g pchat-topology-0.1.0.tgz`, `npx <tarball>`): packed by `npm pack`,
 * which runs prepack's production build and keeps what .npmignore allows, and installed into an empty folder
 * with no registry and an empty cache, so that it can only work if it needs nothing but itself. It is packed
 * from a copy of the working tree (with the repository's node_modules linked in for the build), so that the
 * build does not rewrite the repository's dist/ while the other test files run the CLI from it.
 */

const IS_WINDOWS = process.platform === 'win32';
/** The native SVG-to-PNG module: external to the bundles (scripts/build.mjs), an optional dependency of the package. */
const RESVG = '@resvg/resvg-js';
const NPM = IS_WINDOWS ? 'npm.cmd' : 'npm';

/** What is not part of a clone: installed and built files; of the hidden entries (.git, the e2e tools, VS Code downloads, artifacts), all but these. */
const NOT_COPIED = new Set(['node_modules', 'dist', 'out']);
const HIDDEN_COPIED = new Set(['.ci', '.gitignore', '.npmignore', '.vscodeignore', '.npmrc']);

/** The environment without npm's own variables (npm_config_local_prefix and the like, set when `npm test` runs this). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'NODE_PATH' && key !== 'NODE_OPTIONS' && key !== 'INIT_CWD') env[key] = value;
  }
  return env;
}

function run(command: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout, shell: IS_WINDOWS && command.endsWith('.cmd') });
  if (result.error) throw result.error;
  return result;
}

function npm(args: string[], cwd: string): string {
  const result = run(NPM, args, cwd);
  assert.equal(result.status, 0, `npm ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

let work: string;
let tarball: string;
let packedFiles: string[];
let installed: string;
/** A folder outside the repository that the installed CLI runs in. */
let cwd: string;

const bin = (name: string, prefix = installed) => join(prefix, 'node_modules', '.bin', IS_WINDOWS ? `${name}.cmd` : name);

function pchat(args: string[], prefix = installed): SpawnSyncReturns<string> {
  return run(bin('pchat-topology', prefix), args, cwd, 30_000);
}

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
/** resvg and its prebuilt binary for this platform, as `npm ci` installed them in the repository. */
const resvgFolders = existsSync(join(REPO, 'node_modules', RESVG))
  ? [RESVG, ...readdirSync(join(REPO, 'node_modules', '@resvg')).filter((n) => n.startsWith('resvg-js-')).map((n) => `@resvg/${n}`)]
  : [];
const pngOutput = RESVG in { ...manifest.dependencies, ...manifest.optionalDependencies } && resvgFolders.length > 1;

function copyExample(example: string): string {
  const file = join(cwd, basename(example));
  cpSync(join(REPO, 'examples', example), file);
  return basename(example);
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'pchat-npm-'));
  const source = join(work, 'source');
  cpSync(REPO, source, {
    recursive: true,
    filter: (path) => {
      const top = relative(REPO, path).split(/[\\/]/)[0];
      if (top.startsWith('.')) return HIDDEN_COPIED.has(top);
      return !NOT_COPIED.has(top) && !top.endsWith('.vsix') && !top.endsWith('.tgz');
    },
  });
  symlinkSync(join(REPO, 'node_modules'), join(source, 'node_modules'), IS_WINDOWS ? 'junction' : 'dir');

  const packs = join(work, 'packs');
  mkdirSync(packs);
  const out = npm(['pack', '--json', '--pack-destination', packs], source);
  // The JSON report, after whatever the prepack and prepare scripts printed (npm 10 puts their banners on stdout).
  const [pack] = JSON.parse(out.slice(out.search(/^\[/m))) as { filename: string; files: { path: string }[] }[];
  tarball = join(packs, basename(pack.filename));
  packedFiles = pack.files.map((f) => f.path).sort();

  installed = join(work, 'installed');
  mkdirSync(installed);
  npm(['install', '--prefix', installed, tarball, '--offline', '--cache', join(work, 'empty-cache'), '--no-audit', '--no-fund', '--no-update-notifier'], work);

  cwd = join(work, 'elsewhere');
  mkdirSync(cwd);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('npm pack made a tarball', () => assert.ok(existsSync(tarball), `${tarball} is missing`));

  it('holds the bins, the two CLI/server bundles, the schema, the rule pages and the package files', () => {
    for (const required of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'bin/pchat-topology.js',
      'bin/pchat-topology-server.js',
      'dist/cli.js',
      'dist/server.js',
      'schemas/topology.schema.json',
      'docs/rules/PC101.md',
      'docs/suppressions.md',
    ]) {
      assert.ok(packedFiles.includes(required), `${required} is missing from ${packedFiles.join(', ')}`);
    }
    assert.equal(packedFiles.filter((n) => /^docs\/rules\/PC\d{3}\.md$/.test(n)).length, readdirSync(join(REPO, 'docs', 'rules')).filter((n) => /^PC\d{3}\.md$/.test(n)).length, 'every rule page');
  });

  it('holds no tests, benchmarks, sources, extension, build scripts, source maps or node_modules', () => {
    const forbidden = packedFiles.filter((n) => /^(test|bench|server|client|scripts|examples|images|syntaxes|\.ci|node_modules)\/|\.map$|\.ts$|^dist\/extension\.js$|\.vsix$|\.tgz$/.test(n));
    assert.deepEqual(forbidden, []);
  });

  it('ships the production (minified) bundles, without a source-map reference', () => {
    for (const bundle of ['cli.js', 'server.js']) {
      const text = readFileSync(join(installed, 'node_modules', 'pchat-topology', 'dist', bundle), 'utf8');
      assert.doesNotMatch(text, /sourceMappingURL/, `${bundle} points at a map the package does not ship`);
      const lineCount = text.split('\n').length;
      assert.ok(lineCount < 1000, bundle + ' has ' + lineCount + ' lines: not minified');
    }
  });

  it('installs from the tarball alone: no dependencies but the optional resvg, no registry', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'node_modules', 'pchat-topology', 'package.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'the bundles hold their dependencies');
    assert.deepEqual(
      Object.keys(manifest.optionalDependencies ?? {}).filter((n) => n !== RESVG),
      [],
      'only the native module that PNG output loads is left out of the bundles, and it is optional',
    );
    const modules = readdirSync(join(installed, 'node_modules')).filter((n) => !n.startsWith('.'));
    assert.deepEqual(modules, ['pchat-topology'], 'offline, the optional resvg is skipped and nothing else is needed');
  });
});

describe('the installed pchat-topology, run from a folder outside the repository', () => {
  it('--version prints the package version', () => {
    const result = pchat(['--version']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${manifest.version}\n`);
  });

  it('check: an invalid topology gives its findings and exit 1', () => {
    const file = copyExample('invalid/too-many-active.topology.yaml');
    const result = pchat(['check', file]);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+:\\d+ error PC\\d{3} `, 'm'));
  });

  it('check: a valid topology gives exit 0', () => {
    const result = pchat(['check', copyExample('ee-multiple-server.topology.yaml')]);
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    assert.doesNotMatch(result.stdout, /\bPC\d{3}\b/);
  });

  it('check --format sarif: the rules carry their help pages, read from the installed docs/rules', () => {
    const result = pchat(['check', copyExample('invalid/too-many-active.topology.yaml'), '--format', 'sarif']);
    assert.equal(result.status, 1, result.stderr);
    const rules = JSON.parse(result.stdout).runs[0].tool.driver.rules as { id: string; help?: { markdown: string } }[];
    assert.ok(rules.length > 0);
    for (const rule of rules) assert.match(rule.help?.markdown ?? '', new RegExp(`^# ${rule.id}\\b`), `${rule.id} has no help page`);
  });

  it('render -o out.svg writes the pool layout', () => {
    const file = copyExample('ee-multiple-server.topology.yaml');
    const result = pchat(['render', file, '-o', 'out.svg']);
    assert.equal(result.status, 0, result.stderr);
    const svg = readFileSync(join(cwd, 'out.svg'), 'utf8');
    assert.match(svg, /^(<\?xml[^>]*>\s*)?<svg\b/);
    assert.match(svg, /<\/svg>\s*$/);
  });

  it('pchat-topology-server --stdio answers initialize', async () => {
    const server = spawn(bin('pchat-topology-server'), ['--stdio'], { cwd, env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'], shell: IS_WINDOWS });
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const response = await new Promise<{ id: number; result?: { capabilities?: object } }>((resolve, reject) => {
        let data = Buffer.alloc(0);
        let stderr = '';
        const timer = setTimeout(() => reject(new Error(`no answer in 30 s; stderr: ${stderr}`)), 30_000);
        server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        server.on('exit', (code) => reject(new Error(`the server exited ${code}; stderr: ${stderr}`)));
        server.stdout.on('data', (chunk: Buffer) => {
          data = Buffer.concat([data, chunk]);
          // Messages one after another; a notification (a log message) may come before the answer.
          for (;;) {
            const header = /Content-Length: (\d+)\r\n\r\n/.exec(data.toString('latin1'));
            if (!header) return;
            const start = header.index + header[0].length;
            const end = start + Number(header[1]);
            if (data.length < end) return;
            const message = JSON.parse(data.subarray(start, end).toString('utf8'));
            data = data.subarray(end);
            if (message.id === 1) {
              clearTimeout(timer);
              return resolve(message);
            }
          }
        });
      });
      assert.equal(response.id, 1);
      assert.equal(typeof response.result?.capabilities, 'object');
    } finally {
      server.kill();
    }
  });
});

describe('the installed pchat-topology with resvg beside it, as an online install has it', { skip: !pngOutput && `no ${RESVG} for this platform in the repository's node_modules` }, () => {
  let withResvg: string;

  before(() => {
    // resvg and its binary packed from the repository's node_modules, so that the install needs no registry either.
    const packs = join(work, 'resvg-packs');
    mkdirSync(packs);
    const tarballs = resvgFolders.map((name) => {
      const out = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packs, join(REPO, 'node_modules', name)], work);
      return join(packs, basename((JSON.parse(out.slice(out.search(/^\[/m))) as { filename: string }[])[0].filename));
    });
    withResvg = join(work, 'installed-with-resvg');
    mkdirSync(withResvg);
    npm(['install', '--prefix', withResvg, tarball, ...tarballs, '--offline', '--cache', join(work, 'empty-cache'), '--no-audit', '--no-fund', '--no-update-notifier'], work);
  });

  it('render -o out.png loads resvg from where npm put it and writes a PNG', () => {
    const result = pchat(['render', copyExample('ee-multiple-server.topology.yaml'), '-o', 'out.png'], withResvg);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual([...readFileSync(join(cwd, 'out.png')).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});
