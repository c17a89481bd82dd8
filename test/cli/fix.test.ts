import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { applyPatch } from 'diff';
import { readExample } from '../helpers';
import { cli, tempCopy, tempDir } from './spawnCli';

const TOO_MANY_ACTIVE = readExample('invalid/too-many-active.topology.yaml');

/** The diff of the PC203 fix: `state: standby` under the fifth server, with three lines of context either side. */
function pc203Diff(file: string): string {
  const lines = TOO_MANY_ACTIVE.split('\n');
  const fifth = lines.findIndex((l) => l.trim() === '- fqdn: pc5.corp.woodgrove.com');
  const context = (from: number, to: number) => lines.slice(from, to).map((l) => ` ${l}\n`).join('');
  return `--- ${file}\n+++ ${file}\n@@ -${fifth - 1},6 +${fifth - 1},7 @@\n${context(fifth - 2, fifth + 1)}+        state: standby\n${context(fifth + 1, fifth + 4)}`;
}

describe('pchat-topology check --fix: what was not applied', () => {
  it('lists each finding whose fixes all need a choice, under the file', () => {
    const file = tempCopy('invalid/broken-references.topology.yaml');
    const before = readFileSync(file, 'utf8');
    const run = cli(['check', '--fix', file]);
    assert.equal(
      run.stderr,
      `${file}: PC004 not applied: needs a choice: Change to 'fe-pool'\n` +
        `${file}: PC002 not applied: needs a choice: Replace 'stat' with 'state'\n` +
        `${file}: PC107 not applied: needs a choice: Keep the compliance database in SQL store 'sql-pc'\n` +
        `3 error(s), 0 warning(s), 0 note(s) in 1 file.\n`,
    );
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.equal(run.status, 1);
  });
  it('lists them after the fixes it applied', () => {
    const dir = tempDir();
    const fixed = tempCopy('invalid/too-many-active.topology.yaml', dir);
    const hinted = tempCopy('ee-single-server.topology.yaml', dir);
    const run = cli(['check', '--fix', fixed, hinted]);
    assert.equal(
      run.stderr,
      `${fixed}: fixed 1 finding(s):\n  PC203 Mark pc5.corp.woodgrove.com standby\n` +
        `${hinted}: PC202 not applied: needs a choice: Change 'deployment' to 'multiple-server'\n` +
        `1 error(s), 0 warning(s), 1 note(s) in 2 files.\n`,
    );
  });
  it('says nothing about a file that has nothing to fix', () => {
    const file = tempCopy('se-next-hop.topology.yaml');
    assert.equal(cli(['check', '--fix', file]).stderr, 'No problems in 1 file.\n');
  });
});

describe('pchat-topology check --fix --dry-run', () => {
  it('writes nothing and prints a unified diff of what --fix would write, named for the file', () => {
    const dir = tempDir();
    const file = tempCopy('invalid/too-many-active.topology.yaml', dir);
    const before = readFileSync(file, 'utf8');
    const run = cli(['check', '--fix', '--dry-run', 'too-many-active.topology.yaml'], { cwd: dir });
    assert.equal(run.stdout, pc203Diff('too-many-active.topology.yaml'));
    assert.equal(run.stderr, 'too-many-active.topology.yaml: would fix 1 finding(s):\n  PC203 Mark pc5.corp.woodgrove.com standby\n1 error(s), 0 warning(s), 0 note(s) in 1 file.\n');
    assert.equal(readFileSync(file, 'utf8'), before);
  });
  it('prints a diff that turns the file into what --fix writes, one for each file that would change', () => {
    const dir = tempDir();
    const files = ['invalid/too-many-active.topology.yaml', 'se-next-hop.topology.yaml', 'invalid/broken-references.topology.yaml'].map((e) => tempCopy(e, dir));
    writeFileSync(files[0], readFileSync(files[0], 'utf8').replace(/\n/g, '\r\n'));
    const dryRun = cli(['check', '--fix', '--dry-run', ...files]);
    assert.equal(dryRun.stdout.match(/^--- /gm)?.length, 1, 'only the file with a safe fix has a diff');
    const before = readFileSync(files[0], 'utf8');
    cli(['check', '--fix', ...files]);
    assert.equal(applyPatch(before, dryRun.stdout), readFileSync(files[0], 'utf8'));
  });
  it('exits as check would on the fixed text', () => {
    const stillFailing = tempCopy('invalid/too-many-active.topology.yaml');
    assert.equal(cli(['check', '--fix', '--dry-run', stillFailing]).status, 1, 'PC207 remains');
    assert.equal(cli(['check', '--fix', '--dry-run', stillFailing, '--rule', 'PC207=off']).status, 0, 'PC203 would be fixed');
    assert.equal(cli(['check', stillFailing, '--rule', 'PC207=off']).status, 1, 'without the fix, PC203 is an error');
  });
  it('is a usage error without --fix, or with a --format other than text', () => {
    const file = tempCopy('invalid/too-many-active.topology.yaml');
    const noFix = cli(['check', '--dry-run', file]);
    assert.equal(noFix.status, 2);
    assert.equal(noFix.stderr, "pchat-topology: --dry-run shows what --fix would change; give --fix too.\nRun 'pchat-topology check --help' for usage.\n");
    const json = cli(['check', '--fix', '--dry-run', '--format', 'json', file]);
    assert.equal(json.status, 2);
    assert.match(json.stderr, /^pchat-topology: --dry-run prints a diff, not findings: --format json does not apply\.\n/);
  });
});

describe('pchat-topology check - --fix', () => {
  it('prints the fixed text on stdout and the report and findings on stderr', () => {
    const file = tempCopy('invalid/too-many-active.topology.yaml');
    const run = cli(['check', '-', '--fix', '--stdin-filename', 'pool.topology.yaml'], { input: readFileSync(file, 'utf8') });
    cli(['check', '--fix', file]);
    assert.equal(run.stdout, readFileSync(file, 'utf8'));
    assert.match(run.stderr, /^pool\.topology\.yaml: fixed 1 finding\(s\):\n  PC203 Mark pc5\.corp\.woodgrove\.com standby\npool\.topology\.yaml:\d+:\d+ error PC207 /);
    assert.match(run.stderr, /\n1 error\(s\), 0 warning\(s\), 0 note\(s\) in 1 file\.\n$/);
    assert.equal(run.status, 1);
  });
  it('prints a text without fixes unchanged', () => {
    const text = readFileSync(tempCopy('se-next-hop.topology.yaml'), 'utf8');
    const run = cli(['check', '-', '--fix'], { input: text });
    assert.equal(run.stdout, text);
    assert.equal(run.status, 0);
  });
  it('is a usage error with another input or a --format other than text', () => {
    const file = tempCopy('se-next-hop.topology.yaml');
    const other = cli(['check', '-', file, '--fix']);
    assert.equal(other.status, 2);
    assert.match(other.stderr, /^pchat-topology: --fix on '-' writes the fixed text to stdout, so '-' must be the only input\.\n/);
    const json = cli(['check', '-', '--fix', '--format', 'sarif']);
    assert.equal(json.status, 2);
    assert.match(json.stderr, /^pchat-topology: --fix on '-' prints the fixed text on stdout and the findings as text on stderr: --format sarif does not apply\.\n/);
  });
  it('with --dry-run prints the diff under the stdin name', () => {
    const input = TOO_MANY_ACTIVE;
    assert.equal(cli(['check', '-', '--fix', '--dry-run'], { input }).stdout, pc203Diff('<stdin>'));
    assert.equal(cli(['check', '-', '--fix', '--dry-run', '--stdin-filename', 'pools/a.topology.yaml'], { input }).stdout, pc203Diff('pools/a.topology.yaml'));
  });
});
