import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readExample, REPO } from '../helpers';
import { BIN, cli, tempCopy, tempDir } from './spawnCli';

interface Diagnostic {
  code: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const checked = (stdout: string) => JSON.parse(stdout) as { file: string; diagnostics: Diagnostic[] }[];

const fixtures = (pattern: RegExp) =>
  ['examples', 'examples/invalid'].flatMap((folder) =>
    readdirSync(join(REPO, folder))
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => `${folder}/${name}`),
  );

const diagnosticsOf = (file: string, cwd = REPO) => checked(cli(['check', '--format', 'json', file], { cwd }).stdout)[0].diagnostics;

const fixtureDiagnostics = new Map<string, Diagnostic[]>();
/** The diagnostics of a fixture, checked once. */
function diagnosticsOfFixture(fixture: string): Diagnostic[] {
  if (!fixtureDiagnostics.has(fixture)) fixtureDiagnostics.set(fixture, diagnosticsOf(fixture));
  return fixtureDiagnostics.get(fixture)!;
}

/** Fixtures of each form that are readable topologies (no PC001), the first with findings where there is one. */
function readableFixture(pattern: RegExp): string {
  const readable = fixtures(pattern).filter((f) => !diagnosticsOfFixture(f).some((d) => d.code === 'PC001'));
  const found = readable.find((f) => diagnosticsOfFixture(f).length > 0) ?? readable[0];
  assert.ok(found, `a readable fixture matching ${pattern}`);
  return found;
}

const SAVED = /\.tbxml$/i;
const PUBLISHED = /\.xml$/i;
const FORMS = [
  ['saved (.tbxml)', SAVED],
  ['published (.xml)', PUBLISHED],
] as const;
const OTHER_XML = '<?xml version="1.0" encoding="utf-8"?>\n<project name="build" xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion></project>\n';

/** The fixture's text without a BOM, as the service reads it. */
const fixtureText = (fixture: string) => readFileSync(join(REPO, fixture), 'utf8').replace(/^\uFEFF/, '');

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]).swap16();
const utf8bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

describe('pchat-topology check: a folder walk finds Topology Builder files', () => {
  it('picks *.tbxml and the *.xml of a Topology Builder topology, and passes over other XML', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(REPO, readableFixture(SAVED)), join(dir, 'saved.tbxml'));
    copyFileSync(join(REPO, readableFixture(PUBLISHED)), join(dir, 'sub', 'published.xml'));
    writeFileSync(join(dir, 'pom.xml'), OTHER_XML);
    writeFileSync(join(dir, 'sub', 'empty.xml'), '');
    tempCopy('se-next-hop.topology.yaml', dir);
    const run = cli(['check', '.', '--format', 'json'], { cwd: dir });
    assert.deepEqual(checked(run.stdout).map((e) => e.file), ['./saved.tbxml', './se-next-hop.topology.yaml', './sub/published.xml']);
  });
  it('finds a published topology in UTF-16 with a BOM, as Get-CsTopology -AsXml > file writes it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'topology.xml'), utf16le(fixtureText(readableFixture(PUBLISHED))));
    const run = cli(['check', '.', '--format', 'json'], { cwd: dir });
    assert.deepEqual(checked(run.stdout).map((e) => e.file), ['./topology.xml']);
  });
  it('a folder of other XML alone has no topology files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pom.xml'), OTHER_XML);
    const run = cli(['check', '.'], { cwd: dir });
    assert.equal(run.stderr, "pchat-topology: no topology files in '.'\n");
    assert.equal(run.status, 2);
  });
  it('an *.xml file named on the command line is always checked, and says what it is not', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pom.xml'), OTHER_XML);
    const run = cli(['check', 'pom.xml', '--format', 'json'], { cwd: dir });
    const [entry] = checked(run.stdout);
    assert.equal(entry.file, 'pom.xml');
    assert.equal(entry.diagnostics.length, 1, JSON.stringify(entry.diagnostics));
    assert.equal(run.status, 1);
  });
});

describe('pchat-topology check: encodings, told by the byte order mark', () => {
  for (const [form, pattern] of FORMS) {
    it(`a ${form} topology in UTF-8, UTF-8 with a BOM, UTF-16 LE and UTF-16 BE gives the same findings at the same places`, () => {
      const fixture = readableFixture(pattern);
      const text = fixtureText(fixture);
      const extension = fixture.replace(/^.*(\.[^.]+)$/, '$1');
      const dir = tempDir();
      const encodings = { 'utf-8': Buffer.from(text, 'utf8'), 'utf-8-bom': utf8bom(text), 'utf-16le': utf16le(text), 'utf-16be': utf16be(text) };
      for (const [name, bytes] of Object.entries(encodings)) writeFileSync(join(dir, `${name}${extension}`), bytes);
      const expected = diagnosticsOfFixture(fixture);
      for (const name of Object.keys(encodings)) assert.deepEqual(diagnosticsOf(`${name}${extension}`, dir), expected, name);
    });
  }
  it('a descriptor in UTF-16 LE with a BOM reads as in UTF-8', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'wide.topology.yaml'), utf16le(readExample('invalid/too-many-active.topology.yaml')));
    assert.deepEqual(diagnosticsOf('wide.topology.yaml', dir), diagnosticsOf('examples/invalid/too-many-active.topology.yaml'));
  });
  it('standard input named *.tbxml by --stdin-filename is read as Topology Builder XML, whatever its BOM', () => {
    const fixture = readableFixture(SAVED);
    const run = spawnSync(process.execPath, [BIN, 'check', '-', '--stdin-filename', 'saved.tbxml', '--format', 'json'], { cwd: REPO, input: utf16le(fixtureText(fixture)), encoding: 'utf8' });
    assert.deepEqual(checked(run.stdout)[0].diagnostics, diagnosticsOfFixture(fixture));
  });
});

describe("pchat-topology check '-': standard input without a name", () => {
  it('is read as Topology Builder XML when its root element is one, as Get-CsTopology -AsXml | pchat-topology check - gives it', () => {
    const fixture = readableFixture(PUBLISHED);
    const run = cli(['check', '-', '--format', 'json'], { input: fixtureText(fixture) });
    assert.deepEqual(checked(run.stdout)[0].diagnostics, diagnosticsOfFixture(fixture));
  });
});

describe('pchat-topology check --fix: Topology Builder owns its files', () => {
  for (const [form, pattern] of FORMS) {
    it(`leaves a ${form} file byte-identical and says it fixed nothing`, () => {
      const fixture = readableFixture(pattern);
      const dir = tempDir();
      const file = join(dir, fixture.split('/').pop()!);
      const bytes = utf16le(fixtureText(fixture));
      writeFileSync(file, bytes);
      const findings = diagnosticsOf(file);
      const run = cli(['check', '--fix', file]);
      assert.deepEqual(readFileSync(file), bytes);
      assert.doesNotMatch(run.stderr, /fixed \d+ finding/);
      if (findings.length) assert.match(run.stderr, new RegExp(`^${file}: nothing to fix here: Topology Builder owns this file, so make the changes in Topology Builder\\.$`, 'm'));
      const dryRun = cli(['check', '--fix', '--dry-run', file]);
      assert.equal(dryRun.stdout, '');
      assert.deepEqual(readFileSync(file), bytes);
    });
  }
  it('keeps a descriptor in the encoding it was read in', () => {
    const dir = tempDir();
    const file = join(dir, 'wide.topology.yaml');
    writeFileSync(file, utf16le(readExample('invalid/too-many-active.topology.yaml')));
    const run = cli(['check', '--fix', file]);
    assert.match(run.stderr, /fixed 1 finding\(s\):\n {2}PC203 /);
    const after = readFileSync(file);
    assert.deepEqual([...after.subarray(0, 2)], [0xff, 0xfe]);
    assert.match(after.subarray(2).toString('utf16le'), /state: standby/);
  });
});

describe('pchat-topology render: Topology Builder files', () => {
  for (const [form, pattern] of FORMS) {
    it(`draws a ${form} file`, () => {
      const out = join(tempDir(), 'out.svg');
      const run = cli(['render', readableFixture(pattern), '-o', out]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /: \d+ entities, \d+ links, /);
      assert.match(readFileSync(out, 'utf8'), /^<svg /);
    });
  }
});
