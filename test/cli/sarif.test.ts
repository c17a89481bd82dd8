import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, Region, Replacement, Result, Run } from 'sarif';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES, validate } from '../../server/src/service/languageService';
import { applyFix, REPO } from '../helpers';
import { validSarif } from './sarifSchema';
import { cli, tempCopy, tempDir, type CliOptions } from './spawnCli';

/** Runs `check --format sarif` and returns the process and its log, which must be valid SARIF 2.1.0. */
function sarifCheck(args: string[], options?: CliOptions): { status: number | null; log: Log; run: Run } {
  const process = cli(['check', '--format', 'sarif', ...args], options);
  const log = validSarif(process.stdout);
  return { status: process.status, log, run: log.runs[0] };
}

/** Every artifact location in a run: results, related places and fixes. */
function artifactLocations(run: Run): ArtifactLocation[] {
  return (run.results ?? []).flatMap((r) => [
    ...(r.locations ?? []).map((l) => l.physicalLocation!.artifactLocation!),
    ...(r.relatedLocations ?? []).map((l) => l.physicalLocation!.artifactLocation!),
    ...(r.fixes ?? []).flatMap((f) => f.artifactChanges.map((c) => c.artifactLocation)),
  ]);
}

/** The file an artifact location names, as a SARIF viewer finds it: a relative URI resolved against its base. */
function resolvedPath(location: ArtifactLocation, run: Run): string {
  const base = location.uriBaseId ? run.originalUriBaseIds![location.uriBaseId].uri : undefined;
  return fileURLToPath(new URL(location.uri!, base));
}

/** The text with a fix's replacements made, their regions read as 1-based lines and UTF-16 columns. */
function applyReplacements(text: string, replacements: Replacement[]): string {
  const document = TextDocument.create('file:///t', 'pchat-topology', 0, text);
  const offset = (line: number, column: number) => document.offsetAt({ line: line - 1, character: column - 1 });
  const spans = replacements.map(({ deletedRegion: r, insertedContent }) => ({
    start: offset(r.startLine!, r.startColumn!),
    end: offset(r.endLine!, r.endColumn!),
    text: insertedContent?.text ?? '',
  }));
  return spans.sort((a, b) => b.start - a.start).reduce((t, s) => t.slice(0, s.start) + s.text + t.slice(s.end), text);
}

const regionOf = (result: Result): Region => result.locations![0].physicalLocation!.region!;
const fingerprintsOf = (run: Run) => (run.results ?? []).map((r) => `${r.ruleId} ${Object.values(r.partialFingerprints ?? {}).join(' ')}`);

describe('the SARIF schema check', () => {
  it('refuses a log that breaks SARIF 2.1.0: a region on line 0, a fix without changes, a level SARIF lacks', () => {
    const log = validSarif(cli(['check', '--format', 'sarif', 'examples/invalid/too-many-active.topology.yaml']).stdout);
    const breaks: ((result: Result) => void)[] = [
      (result) => (result.locations![0].physicalLocation!.region!.startLine = 0),
      (result) => (result.fixes = [{ artifactChanges: [] }]),
      (result) => (result.level = 'fatal' as Result.level),
    ];
    for (const breakResult of breaks) {
      const broken = structuredClone(log);
      breakResult(broken.runs[0].results![0]);
      assert.throws(() => validSarif(JSON.stringify(broken)), /not valid SARIF 2\.1\.0/);
    }
  });
});

describe('pchat-topology check --format sarif: artifact URIs', () => {
  it('are relative to %SRCROOT%, the folder check ran in, and resolve to the checked files', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'pools 2013'));
    tempCopy('invalid/broken-references.topology.yaml', join(dir, 'pools 2013'));
    tempCopy('invalid/too-many-active.topology.yaml', dir);
    const { run } = sarifCheck(['.'], { cwd: dir });
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(realpathSync(dir)).href + '/' } });
    const locations = artifactLocations(run);
    assert.ok(locations.length > 0);
    for (const location of locations) {
      assert.equal(location.uriBaseId, '%SRCROOT%');
      assert.doesNotMatch(location.uri!, /^(\/|[a-z]+:)/i, 'a relative URI');
      assert.ok(existsSync(resolvedPath(location, run)), location.uri);
    }
    assert.deepEqual([...new Set(locations.map((l) => l.uri))].sort(), ['pools%202013/broken-references.topology.yaml', 'too-many-active.topology.yaml']);
  });
  it('are absolute file: URIs without a base for a file outside that folder', () => {
    const file = tempCopy('invalid/too-many-active.topology.yaml');
    const { run } = sarifCheck([file], { cwd: tempDir() });
    for (const location of artifactLocations(run)) {
      assert.equal(location.uriBaseId, undefined);
      assert.equal(location.uri, pathToFileURL(file).href);
      assert.equal(resolvedPath(location, run), file);
    }
  });
});

describe('pchat-topology check --format sarif: rules', () => {
  it('give each rule its page as help, and helpUri only for a Microsoft page', () => {
    const { run } = sarifCheck(['examples/se-next-hop.topology.yaml']);
    const rules = run.tool.driver.rules!;
    assert.deepEqual(rules.map((r) => r.id), RULES.map((r) => r.id));
    for (const rule of rules) {
      const page = readFileSync(join(REPO, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      assert.deepEqual(rule.help, { text: page, markdown: page }, rule.id);
      const source = RULES.find((r) => r.id === rule.id)!.sources[0];
      assert.equal(rule.helpUri, source?.url, rule.id);
      if (rule.helpUri) assert.match(rule.helpUri, /^https:\/\//);
    }
  });
});

describe('pchat-topology check --format sarif: fixes', () => {
  it('carry every quick fix, and its replacements make the text the service fix makes', () => {
    const dir = tempDir();
    const files = ['invalid/broken-references.topology.yaml', 'invalid/too-many-active.topology.yaml', 'ee-single-server.topology.yaml'].map((e) => tempCopy(e, dir));
    const { run } = sarifCheck(files.map((f) => f.split('/').pop()!), { cwd: dir });
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const results = run.results!.filter((r) => r.locations![0].physicalLocation!.artifactLocation!.uri === file.split('/').pop());
      const findings = validate(text);
      assert.equal(results.length, findings.length);
      findings.forEach((finding, i) => {
        const fixes = results[i].fixes ?? [];
        assert.equal(results[i].ruleId, finding.code);
        assert.deepEqual(fixes.map((f) => f.description?.text), finding.fixes.map((f) => f.title));
        finding.fixes.forEach((fix, j) => {
          const [change] = fixes[j].artifactChanges;
          assert.equal(resolvedPath(change.artifactLocation, run), realpathSync(file));
          assert.equal(applyReplacements(text, change.replacements), applyFix(text, fix), `${finding.code}: ${fix.title}`);
          compared++;
        });
      });
    }
    assert.ok(compared >= 5, `${compared} fixes compared`);
  });
  it('after --fix, are of the fixed file', () => {
    const file = tempCopy('invalid/too-many-active.topology.yaml');
    const { status, run } = sarifCheck(['--fix', file]);
    assert.equal(status, 1);
    assert.deepEqual(run.results!.map((r) => r.ruleId), ['PC207']);
    assert.match(readFileSync(file, 'utf8'), /state: standby/);
  });
});

describe('pchat-topology check --format sarif: partialFingerprints', () => {
  it('stay the same when a blank line and a comment are inserted above the findings', () => {
    const file = tempCopy('invalid/too-many-active.topology.yaml');
    const before = sarifCheck([file]).run;
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^persistentChatPools:/m, '\n# the pools\npersistentChatPools:'));
    const after = sarifCheck([file]).run;
    assert.deepEqual(fingerprintsOf(after), fingerprintsOf(before));
    assert.deepEqual(
      after.results!.map((r) => regionOf(r).startLine),
      before.results!.map((r) => regionOf(r).startLine! + 2),
      'the findings moved down two lines',
    );
  });
  it('are different for different findings', () => {
    const { run } = sarifCheck(['examples']);
    const keyed = run.results!.map((r, i) => `${r.locations![0].physicalLocation!.artifactLocation!.uri} ${fingerprintsOf(run)[i]}`);
    assert.equal(new Set(keyed).size, keyed.length);
    for (const result of run.results!) assert.match(Object.values(result.partialFingerprints!).join(), /^[0-9a-f]{16}:\d+$/);
  });
});

describe('pchat-topology check --format sarif: invocations', () => {
  it("tell the process's exit status, its command line and the folder it ran in", () => {
    const dir = tempDir();
    tempCopy('se-next-hop.topology.yaml', dir);
    tempCopy('invalid/too-many-active.topology.yaml', dir);
    for (const [args, status] of [
      [['se-next-hop.topology.yaml'], 0],
      [['too-many-active.topology.yaml', '--rule', 'PC203=warn'], 1],
      [['se-next-hop.topology.yaml', 'no such.topology.yaml'], 2],
    ] as const) {
      const checked = sarifCheck([...args], { cwd: dir });
      assert.equal(checked.status, status, args.join(' '));
      const [invocation] = checked.run.invocations!;
      assert.equal(invocation.exitCode, checked.status);
      assert.equal(invocation.executionSuccessful, status !== 2);
      assert.deepEqual(invocation.arguments, ['check', '--format', 'sarif', ...args]);
      assert.equal(invocation.workingDirectory?.uri, pathToFileURL(realpathSync(dir)).href + '/');
    }
  });
  it('quote an argument that a shell would split, and tell why the run failed', () => {
    const dir = tempDir();
    const { run } = sarifCheck(['no such.topology.yaml'], { cwd: dir });
    const [invocation] = run.invocations!;
    assert.equal(invocation.commandLine, "pchat-topology check --format sarif 'no such.topology.yaml'");
    assert.deepEqual(
      invocation.toolExecutionNotifications?.map((n) => [n.level, n.message.text]),
      [['error', "cannot read 'no such.topology.yaml': no such file or folder"]],
    );
  });
});
