import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readExample } from '../helpers';
import { cli, tempCopy, tempDir } from './spawnCli';

const filesChecked = (stdout: string) => (JSON.parse(stdout) as { file: string }[]).map((e) => e.file);

describe('pchat-topology check: inputs that yield no topology file', () => {
  it('a folder without descriptors', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    const run = cli(['check', 'empty'], { cwd: dir });
    assert.equal(run.stderr, "pchat-topology: no topology files in 'empty'\n");
    assert.equal(run.status, 2);
  });
  it('a glob that matches nothing, while the other inputs are still checked', () => {
    const run = cli(['check', 'examples/*.nothing', 'examples/se-next-hop.topology.yaml']);
    assert.equal(run.stderr, "pchat-topology: no file matches 'examples/*.nothing'\nNo problems in 1 file.\n");
    assert.equal(run.status, 2);
  });
});

describe('pchat-topology check: special files are refused, never opened', () => {
  for (const device of ['/dev/zero', '/dev/null']) {
    it(device, () => {
      const run = cli(['check', device]);
      assert.equal(run.stderr, `pchat-topology: cannot read '${device}': not a regular file\n`);
      assert.equal(run.status, 2);
    });
  }
  it('a FIFO, which would wait for a writer if it were opened', () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.topology.yaml')]);
    const run = cli(['check', 'pipe.topology.yaml'], { cwd: dir });
    assert.equal(run.stderr, "pchat-topology: cannot read 'pipe.topology.yaml': not a regular file\n");
    assert.equal(run.status, 2);
  });
  it('a FIFO inside a searched folder is passed over', () => {
    const dir = tempDir();
    tempCopy('se-next-hop.topology.yaml', dir);
    execFileSync('mkfifo', [join(dir, 'pipe.topology.yaml')]);
    const run = cli(['check', '.', '--format', 'json'], { cwd: dir });
    assert.deepEqual(filesChecked(run.stdout), ['./se-next-hop.topology.yaml']);
    assert.equal(run.status, 0);
  });
});

describe('pchat-topology check: symbolic links', () => {
  /** root/a.topology.yaml, and links to root itself, to its parent, and twice to a folder beside it. */
  function linkedFolders(): string {
    const top = tempDir();
    const root = join(top, 'root');
    mkdirSync(join(root, 'sub'), { recursive: true });
    mkdirSync(join(top, 'other'));
    tempCopy('se-next-hop.topology.yaml', root);
    tempCopy('ee-multiple-server.topology.yaml', join(top, 'other'));
    symlinkSync('.', join(root, 'self'));
    symlinkSync('..', join(root, 'sub', 'up'));
    symlinkSync('../other', join(root, 'linked'));
    symlinkSync('../other', join(root, 'linked-again'));
    symlinkSync('loop.topology.yaml', join(root, 'loop.topology.yaml'));
    return root;
  }
  it('are followed, each file is checked once, and links back into the folder end the walk', () => {
    const root = linkedFolders();
    const run = cli(['check', '.', '--format', 'json'], { cwd: root });
    assert.deepEqual(filesChecked(run.stdout), ['./linked-again/ee-multiple-server.topology.yaml', './se-next-hop.topology.yaml']);
    assert.equal(run.status, 0);
  });
  it('a file named twice, or both by itself and through its folder, is checked once', () => {
    const root = linkedFolders();
    const run = cli(['check', 'se-next-hop.topology.yaml', '.', 'self/se-next-hop.topology.yaml', '--format', 'json'], { cwd: root });
    assert.deepEqual(filesChecked(run.stdout), ['se-next-hop.topology.yaml', './linked-again/ee-multiple-server.topology.yaml']);
  });
});

describe("pchat-topology: '-' reads standard input", () => {
  const text = readExample('invalid/too-many-active.topology.yaml');
  it('check names it <stdin> in messages', () => {
    const run = cli(['check', '-'], { input: text });
    assert.match(run.stdout, /^<stdin>:\d+:\d+ error PC207 /);
    assert.equal(run.status, 1);
  });
  it('--stdin-filename gives it a name, also beside other files', () => {
    const run = cli(['check', '-', 'examples/se-next-hop.topology.yaml', '--stdin-filename', 'pools/wood.topology.yaml', '--format', 'json'], { input: text });
    assert.deepEqual(filesChecked(run.stdout), ['pools/wood.topology.yaml', 'examples/se-next-hop.topology.yaml']);
  });
  it('render draws it', () => {
    const out = join(tempDir(), 'out.svg');
    const run = cli(['render', '-', '-o', out], { input: readExample('se-next-hop.topology.yaml') });
    assert.equal(run.status, 0);
    assert.match(readFileSync(out, 'utf8'), /^<svg [^>]*aria-label="Persistent Chat topology Northwind branch"/);
  });
  it("is a usage error twice, and --stdin-filename is one without '-'", () => {
    for (const args of [['check', '-', '-'], ['check', 'examples', '--stdin-filename', 'x'], ['render', 'examples/se-next-hop.topology.yaml', '-o', '-', '--stdin-filename', 'x']]) {
      const run = cli(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /^pchat-topology: ('-' \(standard input\) can be given only once|--stdin-filename names standard input; give '-' as the file too)\.\nRun 'pchat-topology (check|render) --help' for usage\.\n$/, args.join(' '));
    }
  });
});
