import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from '../helpers';
import { BIN, cli, cliWithStdoutClosed, STACK_LINE, tempCopy, tempDir } from './spawnCli';

/** The one line a failed read or write gives, with exit status 2 and nothing else on stderr. */
function assertFails(run: { status: number | null; stderr: string }, line: string) {
  assert.equal(run.stderr, `pchat-topology: ${line}\n`);
  assert.equal(run.status, 2);
}

describe('pchat-topology: a file that cannot be read', () => {
  it('is one line with the reason in words: a symbolic link loop', () => {
    const dir = tempDir();
    symlinkSync('loop.topology.yaml', join(dir, 'loop.topology.yaml'));
    assertFails(cli(['check', 'loop.topology.yaml'], { cwd: dir }), "cannot read 'loop.topology.yaml': too many symbolic links (a loop?)");
  });
  it('a name too long', () => {
    const name = `${'a'.repeat(300)}.topology.yaml`;
    assertFails(cli(['check', name], { cwd: tempDir() }), `cannot read '${name}': name too long`);
  });
  it('a path through a file', () => {
    const file = tempCopy('se-next-hop.topology.yaml');
    assertFails(cli(['check', `${file}/x.topology.yaml`]), `cannot read '${file}/x.topology.yaml': a part of the path is not a folder`);
  });
  it('a missing file, after the other files are checked', () => {
    const run = cli(['check', 'no-such.topology.yaml', 'examples/invalid/too-many-active.topology.yaml']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^pchat-topology: cannot read 'no-such\.topology\.yaml': no such file or folder\n.*\n$/);
    assert.match(run.stdout, /PC203/);
  });
  it('a folder given to render', () => {
    assertFails(cli(['render', 'examples', '-o', join(tempDir(), 'out.svg')]), "cannot read 'examples': is a folder");
  });
});

describe('pchat-topology: a file that cannot be written', () => {
  it('check --fix on a read-only file: one line, and the file as it was (run as nobody when the tests run as root)', () => {
    const file = tempCopy('invalid/too-many-active.topology.yaml');
    const before = readFileSync(file, 'utf8');
    chmodSync(file, 0o444);
    assertFails(cli(['check', '--fix', file], { unprivileged: true }), `cannot write '${file}': permission denied`);
    assert.equal(readFileSync(file, 'utf8'), before);
  });
  it('render -o into a folder that does not exist: one line, and no folder made', () => {
    const dir = tempDir();
    assertFails(cli(['render', join(REPO, 'examples/se-next-hop.topology.yaml'), '-o', 'missing/out.svg'], { cwd: dir }), "cannot write 'missing/out.svg': no such folder");
    assert.ok(!existsSync(join(dir, 'missing')));
  });
  it('render -o onto a folder, through a file, into a folder it may not write', () => {
    const dir = tempDir();
    const file = tempCopy('se-next-hop.topology.yaml', dir);
    assertFails(cli(['render', file, '-o', dir]), `cannot write '${dir}': is a folder`);
    assertFails(cli(['render', file, '-o', `${file}/out.svg`]), `cannot write '${file}/out.svg': a part of the path is not a folder`);
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    assertFails(cli(['render', file, '-o', join(locked, 'out.svg')], { unprivileged: true }), `cannot write '${join(locked, 'out.svg')}': permission denied`);
  });
  it('check --fix and render -o tell the same failure in the same words', () => {
    const dir = tempDir();
    const file = tempCopy('invalid/too-many-active.topology.yaml', dir);
    chmodSync(file, 0o444);
    assertFails(cli(['render', 'examples/se-next-hop.topology.yaml', '-o', file], { unprivileged: true }), `cannot write '${file}': permission denied`);
  });
  it('stdout on a full disk: one line, exit 2', () => {
    const run = spawnSync(process.execPath, [BIN, 'check', 'examples'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'] });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /\npchat-topology: cannot write '<stdout>': no space left\n$/);
  });
});

describe('pchat-topology: stdout closed early', () => {
  it('ends quietly, with the exit status of the check, when the reader has gone', async () => {
    const run = await cliWithStdoutClosed(['check', 'examples', '--format', 'sarif']);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    const text = await cliWithStdoutClosed(['check', 'examples']);
    assert.equal(text.stderr, cli(['check', 'examples']).stderr, 'the summary, as always, and nothing else');
  });
  it('`check examples | head -1` prints one line and no error', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check examples --format sarif | head -1`], { cwd: REPO, encoding: 'utf8' });
    assert.equal(run.stdout, '{\n');
    assert.equal(run.stderr, '');
  });
});

describe('pchat-topology: an internal error', () => {
  const preload = join(tempDir(), 'failingStat.cjs');
  writeFileSync(preload, "require('node:fs').statSync = () => { throw new Error('simulated\\nfailure'); };\n");
  it('is one line that asks for a report, without a stack', () => {
    assertFails(cli(['check', 'examples/se-next-hop.topology.yaml'], { preload }), 'internal error: simulated failure; please report this');
  });
  it('shows the stack when PCHAT_TOPOLOGY_DEBUG is set', () => {
    const run = cli(['check', 'examples/se-next-hop.topology.yaml'], { preload, env: { ...process.env, PCHAT_TOPOLOGY_DEBUG: '1' } });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^pchat-topology: internal error: simulated failure; please report this\nError: simulated\nfailure\n/);
    assert.match(run.stderr, STACK_LINE);
  });
  it('a missing build is one line too', () => {
    const copy = tempDir();
    mkdirSync(join(copy, 'bin'));
    copyFileSync(BIN, join(copy, 'bin', 'pchat-topology.js'));
    const run = spawnSync(process.execPath, [join(copy, 'bin', 'pchat-topology.js'), 'check', 'examples'], { cwd: REPO, encoding: 'utf8' });
    assertFails(run, `cannot read '${join(copy, 'dist', 'cli.js')}': no such file or folder (run 'npm run build')`);
  });
});
