/**
 * Bad input: whatever an administrator (or a broken tool) puts in a *.topology.yaml file, the service answers
 * with findings that say what is wrong (PC001 for YAML it cannot read, PC002 for YAML of the wrong shape), never
 * throws, answers quickly, and never points outside the document.
 *
 * Inputs that can take the whole process down (deep nesting) or that may never finish are validated in a child
 * process (validateChild.ts), so that a crash or a hang fails one test instead of the whole run.
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { validate } from '../../server/src/service/languageService';
import type { Finding } from '../../server/src/service/types';
import { applyFix, readExample, REPO } from '../helpers';
import { assertFindingsWellFormed } from './bounds';

/** Time one validation of a bad input may take, warm. Generous for a slow 2-core CI machine; real runs take a few ms. */
const FAST_MS = 1000;
/** "Well under a second" for the alias bomb. */
const ALIAS_BOMB_MS = 500;
/**
 * Time for the 1 MB inputs: the slowest, a flow map of 100,000 unknown keys, took 2.2–3.4 s here (the yaml
 * library's parse alone 1.7 s) on a 2-core machine under load; five times that catches a hang, not a busy CI.
 */
const MEGABYTE_MS = 15_000;
/** A child process that has not finished by then is killed and counts as a hang. */
const CHILD_TIMEOUT_MS = 30_000;
/** A message longer than this is not one a person reads in a Problems panel or a hover. */
const MAX_MESSAGE_CHARS = 1000;
const MEGABYTE = 1 << 20;

/** A valid descriptor: the stretched multiple-server pool, which raises nothing. */
const VALID = readExample('ee-multiple-server.topology.yaml');

/** `text` with `from` replaced; fails loudly when `from` is not there, so that no case silently tests the valid file. */
function edit(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  assert.ok(found, `test setup: ${String(from)} not found in the text to edit`);
  return text.replace(from, to);
}

function summary(findings: Finding[]): string {
  if (findings.length === 0) return '(no findings)';
  return findings
    .slice(0, 10)
    .map((f) => `${f.code} ${f.message.slice(0, 160)}`)
    .join('\n  ') + (findings.length > 10 ? `\n  … and ${findings.length - 10} more` : '');
}

/** Validates in this process: no exception, within the time, and every range inside the document. */
function check(text: string, budgetMs = FAST_MS): Finding[] {
  let findings: Finding[];
  const started = performance.now();
  try {
    findings = validate(text);
  } catch (error) {
    assert.fail(`validate threw: ${(error as Error)?.stack ?? String(error)}`);
  }
  const ms = performance.now() - started;
  assert.ok(ms < budgetMs, `validate took ${ms.toFixed(0)} ms (limit ${budgetMs} ms)`);
  assertFindingsWellFormed(text, findings);
  return findings;
}

/** Asserts there is a finding with `code` whose message contains `word`. */
function expectFinding(findings: Finding[], code: string, word: RegExp): void {
  const withCode = findings.filter((f) => f.code === code);
  assert.ok(withCode.length > 0, `expected a ${code} finding; got:\n  ${summary(findings)}`);
  assert.ok(
    withCode.some((f) => word.test(f.message)),
    `expected a ${code} message matching ${word}; got:\n  ${summary(withCode)}`,
  );
}

/** Child runs by input and count, so that two tests asking about the same run start one process (each ~0.5 s). */
const childRuns = new Map<string, SpawnSyncReturns<string>>();

interface ChildResult {
  findings: Finding[];
  /** Milliseconds each validation took inside the child. */
  ms: number[];
}

/**
 * Validates `text` `times` times in a fresh process, as a language server does on each keystroke. Fails when the
 * process dies (a crash of V8 cannot be caught), throws, or does not finish within CHILD_TIMEOUT_MS.
 */
function checkInChild(text: string, times = 1): ChildResult {
  const key = `${times}\u0000${text}`;
  let run = childRuns.get(key);
  if (!run) {
    run = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'validateChild.ts'), String(times)], {
      cwd: REPO,
      input: text,
      encoding: 'utf8',
      timeout: CHILD_TIMEOUT_MS,
      maxBuffer: 256 * MEGABYTE,
    });
    childRuns.set(key, run);
  }
  const stderr = (run.stderr ?? '').split('\n').filter((l) => l.trim() && !/^\s+\d+: 0x/.test(l)).slice(0, 12).join('\n');
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    assert.fail(`validate did not finish within ${CHILD_TIMEOUT_MS} ms (a hang); the child was killed`);
  }
  assert.equal(run.error, undefined, `could not run the child: ${run.error?.message}`);
  assert.ok(
    run.status === 0 && run.signal === null,
    `the process validating the text died after ${times} validation(s): exit code ${run.status}, signal ${run.signal}\n${stderr}`,
  );
  const result = JSON.parse(run.stdout) as ChildResult;
  assertFindingsWellFormed(text, result.findings);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// The bad inputs. Each names the code it must raise and a word of the message a user would read.

interface BadInput {
  name: string;
  text: string;
  code: 'PC001' | 'PC002';
  word: RegExp;
  budgetMs?: number;
}

/** Bytes that are not text, decoded as UTF-8 the way `fs.readFileSync(file, 'utf8')` would. */
function binaryGarbage(): string {
  let seed = 0x5eed;
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  return bytes.toString('utf8');
}

const PNG_HEADER = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
]).toString('utf8');

const MARKDOWN = `# Persistent Chat topology

This file describes *our* deployment. See [the planning guide](https://example.com/pchat).

## Servers

- pc01: active
- pc02: standby

\`\`\`yaml
topology: Contoso
\`\`\`

| server | state |
|---|---|
| pc01 | active |
`;

/** "Billion laughs": 9 levels, each an anchored list of 9 aliases of the level before. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}

const TAB_INDENTED = VALID.replace(/^( {2})+/gm, (indent) => '\t'.repeat(indent.length / 2));

const BAD_INPUTS: BadInput[] = [
  { name: 'an empty file', text: '', code: 'PC002', word: /map/ },
  { name: 'only blank lines', text: '\n  \n\n', code: 'PC002', word: /map/ },
  { name: 'only a comment', text: '# Contoso topology, to be written\n', code: 'PC002', word: /map/ },
  { name: 'not YAML: {{{', text: '{{{', code: 'PC001', word: /\}/ },
  { name: 'not YAML: binary garbage read as UTF-8', text: binaryGarbage(), code: 'PC001', word: /binary|not allowed/ },
  { name: 'not YAML: a PNG header', text: PNG_HEADER, code: 'PC001', word: /binary|not allowed/ },
  { name: 'not YAML: a Markdown document', text: MARKDOWN, code: 'PC001', word: /syntax error/ },
  { name: 'not YAML: a line of prose', text: 'Just a paragraph of prose, nothing else.\n', code: 'PC002', word: /map/ },
  { name: 'a YAML list instead of a map', text: '- topology: Contoso\n- domain: corp.contoso.com\n', code: 'PC002', word: /list/ },
  { name: 'a flow list instead of a map', text: '[topology, domain, sites]\n', code: 'PC002', word: /list/ },
  { name: 'a scalar: text', text: 'Contoso production\n', code: 'PC002', word: /map/ },
  { name: 'a scalar: a number', text: '42\n', code: 'PC002', word: /map/ },
  { name: 'a scalar: a quoted string', text: '"topology: Contoso"\n', code: 'PC002', word: /map/ },
  { name: 'multiple documents (---)', text: `${VALID}\n---\n${VALID}`, code: 'PC001', word: /document/ },
  { name: 'multiple documents: a short second one', text: `${VALID}---\ntopology: second\n`, code: 'PC001', word: /document/ },
  { name: 'tab indentation throughout', text: TAB_INDENTED, code: 'PC001', word: /[Tt]ab/ },
  { name: 'tab indentation on one line', text: edit(VALID, '\n  - id: redmond', '\n\t- id: redmond'), code: 'PC001', word: /[Tt]ab/ },
  { name: 'duplicate top-level key', text: edit(VALID, 'domain: corp.contoso.com\n', 'domain: corp.contoso.com\ndomain: corp.contoso.com\n'), code: 'PC001', word: /unique/ },
  { name: 'duplicate key in a nested map', text: edit(VALID, '    name: Redmond HQ\n', '    name: Redmond HQ\n    name: Redmond\n'), code: 'PC001', word: /unique/ },
  { name: 'alias bomb (billion laughs, 9 × 9)', text: aliasBomb(), code: 'PC001', word: /alias/, budgetMs: ALIAS_BOMB_MS },
  { name: 'alias bomb above a valid descriptor', text: aliasBomb() + VALID.replace(/^#.*\n/gm, ''), code: 'PC001', word: /alias/, budgetMs: ALIAS_BOMB_MS },
  { name: '1 MB single line of text', text: 'Lorem ipsum dolor sit amet '.repeat(40_000).slice(0, MEGABYTE), code: 'PC002', word: /map/, budgetMs: MEGABYTE_MS },
  { name: '1 MB single line: a 1 MB topology name, nothing else', text: 'topology: ' + 'x'.repeat(MEGABYTE), code: 'PC002', word: /'domain'/, budgetMs: MEGABYTE_MS },
  {
    name: 'a very long value: a 100,000-character FQDN',
    text: edit(VALID, 'fqdn: sqlbe01.corp.contoso.com', `fqdn: ${'a'.repeat(100_000)}.corp.contoso.com`),
    code: 'PC002',
    word: /fully qualified domain name/,
  },
  {
    name: 'a very long value: a 400-digit number of users',
    text: edit(VALID, 'concurrentUsers: 72000', `concurrentUsers: ${'9'.repeat(400)}`),
    code: 'PC002',
    word: /concurrentUsers/,
  },
  {
    name: 'a unicode FQDN (pc01.contoso.ümlaut.com)',
    text: edit(VALID, '- fqdn: pc01.corp.contoso.com', '- fqdn: pc01.contoso.ümlaut.com'),
    code: 'PC002',
    word: /fully qualified domain name/,
  },
  { name: 'a number as a string: concurrentUsers: "45000"', text: edit(VALID, 'concurrentUsers: 72000', 'concurrentUsers: "45000"'), code: 'PC002', word: /whole number/ },
  { name: "a number as a string: sipPort: '5041'", text: edit(VALID, 'sipPort: 5041', "sipPort: '5041'"), code: 'PC002', word: /whole number/ },
  { name: 'a number as a string: poolPort: "8011"', text: edit(VALID, 'poolPort: 8011', 'poolPort: "8011"'), code: 'PC002', word: /whole number/ },
  { name: 'null for a required key: domain: null', text: edit(VALID, 'domain: corp.contoso.com', 'domain: null'), code: 'PC002', word: /'domain'/ },
  { name: 'null for a required key: domain: (empty)', text: edit(VALID, 'domain: corp.contoso.com', 'domain:'), code: 'PC002', word: /'domain'/ },
  { name: 'null for a required key: topology: ~', text: edit(VALID, 'topology: Contoso production', 'topology: ~'), code: 'PC002', word: /'topology'/ },
  { name: 'null for a required key: sites: null', text: edit(VALID, 'sites:\n  - id: redmond\n    name: Redmond HQ\n', 'sites: null\n'), code: 'PC002', word: /'sites'/ },
  { name: 'null for a required key: id of a site', text: edit(VALID, '- id: redmond', '- id: null'), code: 'PC002', word: /'id'/ },
  { name: 'null for a required key: fqdn of a pool', text: edit(VALID, 'fqdn: pchat.corp.contoso.com', 'fqdn: null'), code: 'PC002', word: /'fqdn'/ },
  { name: 'null for a required key: fqdn of a server', text: edit(VALID, '- fqdn: pc01.corp.contoso.com', '- fqdn: ~'), code: 'PC002', word: /'fqdn'/ },
  { name: 'null for a required key: deployment', text: edit(VALID, 'deployment: multiple-server', 'deployment: null'), code: 'PC002', word: /'deployment'/ },
  { name: 'null for a required key: nextHop', text: edit(VALID, 'nextHop: fe-redmond', 'nextHop:'), code: 'PC002', word: /'nextHop'/ },
  { name: 'null for a required key: database store', text: edit(VALID, 'store: sql-pc\n', 'store: null\n'), code: 'PC002', word: /'store'/ },
  { name: 'null for a required key: servers', text: edit(VALID, /servers:\n( {6}- fqdn: pc.*\n( {8}.*\n)*)+/, 'servers: null\n'), code: 'PC002', word: /'servers'/ },
  { name: 'an id that is a number (site)', text: edit(VALID, '- id: redmond', '- id: 123').replace(/site: redmond/g, 'site: 123'), code: 'PC002', word: /'id'.*text/ },
  { name: 'an id that is a number (file store)', text: edit(VALID, '- id: fs\n', '- id: 123\n'), code: 'PC002', word: /'id'.*text/ },
];

describe('bad input gives a finding that says what is wrong, never an exception, quickly, inside the document', () => {
  before(() => {
    validate(VALID); // compile the JSON Schema and load the rules once, so that the time limits measure validation
  });

  for (const input of BAD_INPUTS) {
    it(`${input.name} → ${input.code}`, () => {
      const findings = check(input.text, input.budgetMs);
      expectFinding(findings, input.code, input.word);
    });
  }

  it('a very long value that is valid (a 100,000-character topology name) raises nothing', () => {
    assert.deepEqual(check(edit(VALID, 'topology: Contoso production', `topology: Contoso ${'production '.repeat(10_000)}`)), []);
  });

  it('a list used as a key ([domain]: …) → PC002 on the line of that key', () => {
    const text = edit(VALID, 'domain: corp.contoso.com', '[domain]: corp.contoso.com');
    const line = text.split('\n').findIndex((l) => l.startsWith('[domain]'));
    const findings = check(text);
    expectFinding(findings, 'PC002', /[Uu]nknown key/);
    const unknown = findings.filter((f) => /[Uu]nknown key/.test(f.message));
    assert.ok(unknown.every((f) => f.range.start.line === line), `the unknown key is on line ${line}; the finding points at:\n  ${unknown.map((f) => JSON.stringify(f.range)).join('\n  ')}`);
  });

  it('a list used as a key ([domain]: …) makes Node.js print no warning (the CLI would show it to the user)', async () => {
    const printers = process.listeners('warning');
    const warnings: string[] = [];
    process.removeAllListeners('warning');
    process.on('warning', (w) => warnings.push(w.message));
    try {
      check(edit(VALID, 'domain: corp.contoso.com', '[domain]: corp.contoso.com'));
      check('? [a, b]\n: c\n');
      await new Promise((resolve) => setTimeout(resolve, 20)); // process.emitWarning reports on a later tick
    } finally {
      process.removeAllListeners('warning');
      for (const printer of printers) process.on('warning', printer);
    }
    assert.deepEqual(warnings, [], 'validate made Node.js print warnings');
  });

  it('1 MB single line: a flow list of 145,000 numbers → PC002, in linear time', () => {
    // About 2–3 s here, nearly all of it in the yaml library's parse; the limit only catches worse-than-linear work.
    const items: string[] = [];
    for (let i = 0, length = 2; length < MEGABYTE; i++) {
      items.push(String(i));
      length += String(i).length + 2;
    }
    expectFinding(check(`[${items.join(', ')}]`, 8000), 'PC002', /list/);
  });

  it('1 MB single line: a flow map with many unknown keys → PC002, without hanging', () => {
    const pairs = ['topology: Contoso', 'domain: corp.contoso.com', 'sites: [{id: redmond}]'];
    for (let i = 0, length = 60; length < MEGABYTE; i++) {
      const pair = `x${i}: ${i}`;
      pairs.push(pair);
      length += pair.length + 2;
    }
    const { findings, ms } = checkInChild(`{${pairs.join(', ')}}`);
    assert.ok(ms[0] < MEGABYTE_MS, `validate took ${ms[0].toFixed(0)} ms (limit ${MEGABYTE_MS} ms)`);
    expectFinding(findings, 'PC002', /[Uu]nknown key/);
  });
});

describe('deeply nested garbage (1,000 levels), validated in a child process', () => {
  const NESTED: { name: string; text: string }[] = [
    { name: '1,000 nested [', text: '['.repeat(1000) },
    { name: '1,000 nested [ ] (balanced)', text: '['.repeat(1000) + ']'.repeat(1000) },
    { name: '1,000 nested {', text: '{'.repeat(1000) },
    { name: '1,000 nested flow maps ({a: {a: …}})', text: 'a: ' + '{a: '.repeat(1000) + '}'.repeat(1000) + '\n' },
    { name: '1,000 nested block lists (- - - …)', text: '- '.repeat(1000) + 'x\n' },
    { name: "1,000 nested [ after a stray apostrophe (topology: the 'main site)", text: "topology: the 'main site\na: " + '['.repeat(1000) + '\n' },
    { name: '1,000 nested block maps (each key one space deeper)', text: Array.from({ length: 1000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + '\n' },
  ];

  for (const { name, text } of NESTED) {
    it(`${name} → PC001, no exception, quickly, inside the document`, () => {
      const { findings, ms } = checkInChild(text);
      assert.ok(ms[0] < FAST_MS, `validate took ${ms[0].toFixed(0)} ms (limit ${FAST_MS} ms)`);
      assert.ok(findings.some((f) => f.code === 'PC001'), `expected PC001; got:\n  ${summary(findings)}`);
    });

    it(`${name} → the message says what is wrong, not "Maximum call stack size exceeded"`, () => {
      const { findings } = checkInChild(text);
      const engine = findings.filter((f) => /call stack|RangeError/i.test(f.message));
      assert.equal(engine.length, 0, `${engine.length} finding(s) pass on a JavaScript engine error instead of saying what is wrong:\n  ${summary(engine)}`);
      expectFinding(findings, 'PC001', /nest|deep|\]|\}/);
    });

    it(`${name} validated again and again (as on each keystroke) does not kill the process`, () => {
      checkInChild(text, 5);
    });
  }
});

describe('line ends and byte order mark change nothing', () => {
  const key = (f: Finding) => ({ code: f.code, severity: f.severity, message: f.message, range: f.range });
  const files = [
    ...readdirSync(join(REPO, 'examples')).filter((f) => f.endsWith('.topology.yaml')),
    ...readdirSync(join(REPO, 'examples', 'invalid')).filter((f) => f.endsWith('.topology.yaml')).map((f) => `invalid/${f}`),
  ];
  const broken: [string, string][] = [
    ['tab indentation', TAB_INDENTED],
    ['a duplicate key', edit(VALID, 'domain: corp.contoso.com\n', 'domain: corp.contoso.com\ndomain: corp.contoso.com\n')],
    ['a missing key', edit(VALID, /^domain: .*\n/m, '')],
    ['an unknown key', edit(VALID, 'poolPort: 8011', 'poolPrt: 8011')],
  ];
  const texts: [string, string][] = [...files.map((f): [string, string] => [f, readFileSync(join(REPO, 'examples', f), 'utf8')]), ...broken];

  for (const [name, lf] of texts) {
    it(`${name}: CRLF raises exactly what LF raises, on the same lines`, () => {
      const crlf = lf.replace(/\n/g, '\r\n');
      assert.deepEqual(check(crlf).map(key), check(lf).map(key));
    });

    it(`${name}: a UTF-8 BOM raises exactly what the file without it raises`, () => {
      assert.deepEqual(check('\uFEFF' + lf).map(key), check(lf).map(key));
      assert.deepEqual(check('\uFEFF' + lf.replace(/\n/g, '\r\n')).map(key), check(lf).map(key));
    });
  }

  it('a BOM before the first key is not part of the key', () => {
    const noComments = VALID.replace(/^#.*\n/gm, '');
    assert.deepEqual(check('\uFEFF' + noComments).map((f) => f.code), check(noComments).map((f) => f.code));
  });

  it('quick fixes on a CRLF file keep CRLF line ends', () => {
    for (const [name, lf] of texts) {
      const crlf = lf.replace(/\n/g, '\r\n');
      for (const finding of check(crlf)) {
        for (const fix of finding.fixes) {
          const fixed = applyFix(crlf, fix);
          assert.ok(!/(^|[^\r])\n/.test(fixed), `${name}: fix "${fix.title}" of ${finding.code} leaves a bare LF in a CRLF file`);
        }
      }
    }
  });
});

/**
 * Found by running property.test.ts with more runs and other seeds (PCHAT_PROPERTY_RUNS=1000, seeds 20130611, 4, 5,
 * 6, 10, 13, 15), reduced by hand to the smallest input that shows each.
 */
describe('found by the property test, reduced', () => {
  /** A Standard Edition server with no back end, and `sqlStores` as given: PC109 offers to add the local Express store. */
  const standardEditionWithout = (sqlStores: string) =>
    `topology: Litware\ndomain: litware.local\nsites:\n  - id: hq\n${sqlStores}frontEndPools:\n  - id: se\n    edition: standard\n    fqdn: lync01.litware.local\n    site: hq\n`;

  /** Every quick fix, applied to a text the parser can read, leaves a text the parser can read. */
  function assertFixesKeepYamlReadable(text: string): void {
    const findings = check(text);
    assert.ok(!findings.some((f) => f.code === 'PC001'), `test setup: the text must be readable YAML; got:\n  ${summary(findings)}`);
    for (const finding of findings) {
      for (const fix of finding.fixes) {
        const fixed = applyFix(text, fix);
        const broken = check(fixed).filter((f) => f.code === 'PC001');
        assert.deepEqual(broken.map((f) => f.message), [], `fix "${fix.title}" of ${finding.code} made the YAML unreadable:\n${fixed}`);
      }
    }
  }

  for (const [name, sqlStores] of [
    ['sqlStores: (empty)', 'sqlStores:\n'],
    ['sqlStores: null', 'sqlStores: null\n'],
    ['sqlStores: a scalar', 'sqlStores: none\n'],
    ['sqlStores: a block map', 'sqlStores:\n  id: sql\n'],
  ]) {
    it(`PC109 does not throw for a Standard Edition server without a back end when ${name}`, () => {
      const findings = check(standardEditionWithout(sqlStores)); // a rule that threw fails here
      expectFinding(findings, 'PC002', /'sqlStores'/);
    });
  }

  it("PC109's fix adds the Express store inside `sqlStores: {}`, not at the start of the file", () => {
    const text = standardEditionWithout('sqlStores: {}\n');
    for (const f of check(text).filter((f) => f.code === 'PC109')) {
      for (const fix of f.fixes) {
        const fixed = applyFix(text, fix);
        assert.ok(fixed.startsWith('topology: Litware\n'), `fix "${fix.title}" (safe: ${fix.safe}) writes before the first line:\n${fixed}`);
      }
    }
    assertFixesKeepYamlReadable(text);
  });

  it("PC002's add-a-missing-key fix keeps a map written with explicit keys (? key : value) readable", () => {
    assertFixesKeepYamlReadable('? a\n: b\n');
  });

  it("PC002's add-a-missing-key fix keeps a list item whose key is a map (- ? id: x) readable", () => {
    assertFixesKeepYamlReadable('topology: t\ndomain: corp.contoso.com\nsites:\n  - ? id: x\n    name: y\n');
  });
});

describe('messages a user can read', () => {
  /** Words of the JavaScript engine or the YAML library's API, which mean nothing to a Lync administrator. */
  const LEAKS = /Maximum call stack|RangeError|TypeError|parseAllDocuments|YAML\.parse|\[object Object\]|\bundefined\b|\bNaN\b/;

  it('no message or quick-fix title leaks engine or library internals, or runs to thousands of characters', () => {
    const offenders: string[] = [];
    for (const input of BAD_INPUTS) {
      for (const f of validate(input.text)) {
        const texts = [f.message, ...f.fixes.map((fix) => fix.title), ...f.related.map((r) => r.message)];
        for (const text of texts) {
          if (LEAKS.test(text)) offenders.push(`${input.name}: ${f.code} "${text.slice(0, 160)}"`);
          if (text.length > MAX_MESSAGE_CHARS) offenders.push(`${input.name}: ${f.code} is ${text.length} characters long: "${text.slice(0, 100)}…"`);
        }
      }
    }
    const longId = edit(VALID, /- id: fs\n/, `- id: ${'f'.repeat(100_000)}\n`);
    for (const f of validate(longId)) {
      for (const text of [f.message, ...f.fixes.map((fix) => fix.title)]) {
        if (text.length > MAX_MESSAGE_CHARS) offenders.push(`a 100,000-character file store id: ${f.code} is ${text.length} characters long: "${text.slice(0, 100)}…"`);
      }
    }
    assert.deepEqual(offenders, [], `messages a user cannot read:\n  ${offenders.join('\n  ')}`);
  });
});
