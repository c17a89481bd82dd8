import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/service/languageService';
import { EXAMPLE_FILES, REPO } from '../helpers';
import { validSarif } from './sarifSchema';

const BIN = join(REPO, 'bin', 'pchat-topology.js');

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function tempCopy(example: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pchat-cli-'));
  const file = join(dir, example.split('/').pop()!);
  copyFileSync(join(REPO, 'examples', example), file);
  return file;
}

describe('pchat-topology check: exit status', () => {
  it('is 0 for a valid topology (hints do not fail a build)', () => {
    const run = cli('check', 'examples/ee-single-server.topology.yaml');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /PC202/);
  });
  it('is 1 when an error is found', () => {
    assert.equal(cli('check', 'examples/invalid/too-many-active.topology.yaml').status, 1);
  });
  it('is 0 when the only errors are turned off with --rule', () => {
    const run = cli('check', 'examples/invalid/too-many-active.topology.yaml', '--rule', 'PC203=off', '--rule', 'PC207=warning');
    assert.equal(run.status, 0);
    assert.doesNotMatch(run.stdout, /PC203/);
    assert.match(run.stdout, /warning PC207/);
  });
  it('is 2 with a clear message for an unreadable file, after checking the others', () => {
    const run = cli('check', 'no-such.topology.yaml', 'examples/se-next-hop.topology.yaml');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot read 'no-such\.topology\.yaml': no such file/);
  });
  it('is 2 for usage errors: unknown option, bad format, unknown rule, no file', () => {
    for (const args of [['check', '--bogus', 'x'], ['check', '--format', 'xml', 'examples'], ['check', '--rule', 'PC999=off', 'examples'], ['check'], ['frobnicate']]) {
      const run = cli(...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /^pchat-topology: .+\nRun 'pchat-topology (check )?--help' for usage\./m, args.join(' '));
    }
  });
});

describe('pchat-topology check: formats', () => {
  it('text: one line a finding, file:line:col severity PCnnn message, 1-based', () => {
    const run = cli('check', 'examples/invalid/too-many-active.topology.yaml');
    const lines = run.stdout.trim().split('\n');
    assert.deepEqual(lines.map((l) => l.split(' ').slice(0, 3).join(' ')), [
      'examples/invalid/too-many-active.topology.yaml:35:22 error PC207',
      'examples/invalid/too-many-active.topology.yaml:41:15 error PC203',
    ]);
    assert.match(run.stderr, /2 error\(s\), 0 warning\(s\), 0 note\(s\) in 1 file\./);
  });
  it('json: one entry a file with 0-based LSP ranges and severity words', () => {
    const run = cli('check', 'examples', '--format', 'json');
    const entries = JSON.parse(run.stdout) as { file: string; diagnostics: { code: string; severity: string; range: { start: { line: number; character: number } } }[] }[];
    assert.equal(entries.length, EXAMPLE_FILES);
    const active = entries.find((e) => e.file.endsWith('too-many-active.topology.yaml'))!;
    const pc203 = active.diagnostics.find((d) => d.code === 'PC203')!;
    assert.deepEqual(pc203.range.start, { line: 40, character: 14 });
    assert.equal(pc203.severity, 'error');
    assert.deepEqual(entries.find((e) => e.file.endsWith('ee-multiple-server.topology.yaml'))!.diagnostics, []);
  });
  it('sarif: a valid 2.1.0 log with every rule, help links to Microsoft and 1-based regions', () => {
    const run = cli('check', 'examples/invalid', '--format', 'sarif');
    assert.equal(run.status, 1);
    validSarif(run.stdout);
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    const [sarifRun] = log.runs;
    const ruleIds = sarifRun.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.equal(ruleIds.length, RULES.length);
    for (const rule of sarifRun.tool.driver.rules as { id: string; helpUri?: string }[]) {
      const docs = RULES.find((r) => r.id === rule.id)!;
      if (docs.sources.length) assert.equal(rule.helpUri, docs.sources[0].url, `${rule.id} links its Microsoft source`);
      else assert.equal(rule.helpUri, undefined, `${rule.id}, ours alone, has its page as help and no link`);
    }
    assert.ok(sarifRun.tool.driver.rules.some((r: { helpUri?: string }) => r.helpUri?.startsWith('https://learn.microsoft.com/')));
    const pc101 = sarifRun.results.find((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.ruleId === 'PC101' && r.locations[0].physicalLocation.artifactLocation.uri.endsWith('.topology.yaml'));
    assert.equal(ruleIds[pc101.ruleIndex], 'PC101');
    assert.equal(pc101.level, 'error');
    assert.match(pc101.locations[0].physicalLocation.artifactLocation.uri, /pchat-on-ee-front-end\.topology\.yaml$/);
    assert.deepEqual(pc101.locations[0].physicalLocation.region, { startLine: 39, startColumn: 15, endLine: 39, endColumn: 37 });
    assert.equal(pc101.relatedLocations.length, 1);
  });
});

describe('pchat-topology check: inputs', () => {
  it('searches a folder and expands a quoted glob', () => {
    assert.equal(cli('check', 'examples', '--format', 'json').stdout.match(/"file"/g)?.length, EXAMPLE_FILES);
    assert.equal(cli('check', 'examples/*.topology.yaml', '--format', 'json').stdout.match(/"file"/g)?.length, 4);
  });
  it('says so when a glob matches nothing', () => {
    const run = cli('check', 'examples/*.nothing');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no file matches 'examples\/\*\.nothing'/);
  });
});

describe('pchat-topology check --fix', () => {
  it('rewrites the file with the safe fixes, keeps comments, and reports what changed and what remains', () => {
    const file = tempCopy('invalid/too-many-active.topology.yaml');
    const before = readFileSync(file, 'utf8');
    const run = cli('check', '--fix', file);
    const after = readFileSync(file, 'utf8');
    assert.match(run.stderr, /fixed 1 finding\(s\):\n  PC203 Mark pc5\.corp\.woodgrove\.com standby/);
    assert.match(after, /- fqdn: pc5\.corp\.woodgrove\.com\n\s+state: standby\n/);
    assert.equal(after.split('\n').slice(0, 3).join('\n'), before.split('\n').slice(0, 3).join('\n'));
    assert.doesNotMatch(run.stdout, /PC203/);
    assert.match(run.stdout, /PC207/);
    assert.equal(run.status, 1, 'PC207 has no safe fix and remains an error');
  });
  it('leaves a file without safe fixes byte for byte as it was', () => {
    const file = tempCopy('invalid/pchat-on-ee-front-end.topology.yaml');
    const before = readFileSync(file, 'utf8');
    cli('check', '--fix', file);
    assert.equal(readFileSync(file, 'utf8'), before);
  });
  it('keeps CRLF line ends when it fixes', () => {
    const file = tempCopy('invalid/too-many-active.topology.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    cli('check', '--fix', file);
    const after = readFileSync(file, 'utf8');
    assert.match(after, /state: standby\r\n/);
    assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n/);
  });
});

describe('pchat-topology --help', () => {
  it('documents every command and exits 0', () => {
    for (const args of [['--help'], ['check', '--help']]) {
      const run = cli(...args);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: pchat-topology/);
    }
    assert.match(cli('check', '--help').stdout, /--format <text\|json\|sarif\|github>/);
  });
});
