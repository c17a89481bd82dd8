/**
 * Property: a quick fix marked `safe` (the ones `pchat-topology check --fix` and fix-all apply without asking) changes
 * only the faulty value itself. Over every fixture text we can gather (the examples, the descriptors test/rules/fixtures.ts
 * exports, the example of every rule page in docs/rules) and over random edits of them, applying any safe fix of any
 * finding, or `fixAll` as a whole:
 * - never shortens a YAML sequence (path by path; a sequence that disappears counts as shortened to 0);
 * - never changes an `id` or an `fqdn` (the multiset of `id` values and of `fqdn` values written anywhere, the strings
 *   of `frontEndPools[].servers` among the FQDNs, is unchanged);
 * - never changes a reference (`site`, `backEnd`, `fileStore`, `nextHop`, `store`, `mirror`, `backup`, `backupMirror`):
 *   each one that is still there keeps its value;
 * - never adds an entity (sites, sqlStores, fileStores, frontEndPools, persistentChatPools, each pool's servers).
 *
 * Texts the YAML parser cannot read are left out: their paths mean nothing. Deterministic: a fixed seed and a fixed
 * number of runs per text; PCHAT_PROPERTY_SEED and PCHAT_PROPERTY_RUNS explore further by hand.
 *
 * The rule tests (test/rules/pc*.test.ts) build their texts inside their tests and export none, so they are not
 * reachable here; the rule pages' examples stand in for them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isPair, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import { fixAll } from '../../server/src/service/fixAll';
import { validate } from '../../server/src/service/languageService';
import { applyFix, codesOf, findingsOf, readExample, REPO } from '../helpers';
import * as fixtures from '../rules/fixtures';
import { change, changes, woodgrove } from '../rules/fixtures';

const SEED = Number(process.env.PCHAT_PROPERTY_SEED ?? 20_130_611);
const RUNS_PER_TEXT = Number(process.env.PCHAT_PROPERTY_RUNS ?? 40);

// ---------------------------------------------------------------------------------------------------------------
// The texts

function topologyFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? topologyFiles(join(dir, entry.name)) : entry.name.endsWith('.topology.yaml') ? [join(dir, entry.name)] : []))
    .sort();
}

const EXAMPLE_TEXTS = topologyFiles(join(REPO, 'examples')).map((file) => ({ name: relative(REPO, file), text: readFileSync(file, 'utf8') }));

/** Every ```yaml block of the rule pages: each raises its rule, so together they reach every rule's fix. */
const DOC_TEXTS = readdirSync(join(REPO, 'docs', 'rules'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .flatMap((f) => [...readFileSync(join(REPO, 'docs', 'rules', f), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m, i) => ({ name: `docs/rules/${f} #${i + 1}`, text: m[1] })));

const WOODGROVE_ACTIVE = Array.from({ length: 5 }, (_, i) => `      - fqdn: pc${i + 1}.corp.woodgrove.com\n`).join('');

/** A disabled compliance map: `TARGETED.unusedCompliance` adds ignored keys to it, which PC108's fix removes. */
const COMPLIANCE_OFF = '    compliance:\n      enabled: false\n';
const ONE_SERVER = '    servers:\n      - fqdn: pc1.corp.woodgrove.com\n';

/** Texts that raise the rules whose fixes claim to be safe, built from the shared fixtures (Woodgrove's pool has its file store, PC116). */
const TARGETED = {
  /** PC205: every server standby. */
  allStandby: woodgrove({
    pool: '    servers:\n      - fqdn: pc1.corp.woodgrove.com\n        state: standby\n      - fqdn: pc2.corp.woodgrove.com\n        state: standby\n',
  }),
  /** PC108: compliance disabled, yet a store and a mirror are given. */
  unusedCompliance: woodgrove({ pool: ONE_SERVER, tail: `${COMPLIANCE_OFF}      store: sql-pc\n      mirror: sql-be\n` }),
  /** PC203: five active servers. */
  fiveActive: woodgrove({ pool: `    servers:\n${WOODGROVE_ACTIVE}` }),
  /** PC006: one computer twice in one pool. */
  repeatedServer: woodgrove({ pool: '    servers:\n      - fqdn: pc1.corp.woodgrove.com\n      - fqdn: pc1.corp.woodgrove.com\n' }),
  /** PC110 and PC109: an Enterprise Edition pool of three servers whose edition was mistyped `standard`. */
  fabrikamStandard: change(readExample('ee-single-server.topology.yaml'), '  - id: fe\n    edition: enterprise\n', '  - id: fe\n    edition: standard\n'),
  /** PC201 and PC209: a single-server pool of three servers, its FQDN unlike any of them. */
  singleServerGrown: changes(readExample('invalid/single-server-grown.topology.yaml'), [
    ['      - fqdn: pc02.corp.proseware.com\n', '      - fqdn: pc02.corp.proseware.com\n      - fqdn: pc03.corp.proseware.com\n'],
    ['    fqdn: pc01.corp.proseware.com\n    site: hq\n', '    fqdn: pchat.corp.proseware.com\n    site: hq\n'],
  ]),
  /** PC211: non-default ports. */
  ports: fixtures.contosoPorts('    sipPort: 5042\n    poolPort: 8012'),
};

/** The descriptors test/rules/fixtures.ts exports, as texts (its helpers called with the arguments its tests use). */
const FIXTURE_TEXTS = [
  ...Object.entries(fixtures)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && /^topology:/m.test(entry[1]))
    .map(([name, text]) => ({ name: `fixtures.${name}`, text })),
  { name: 'fixtures.contosoStretched()', text: fixtures.contosoStretched() },
  { name: 'fixtures.contosoStretched(other centers)', text: fixtures.contosoStretched({ pcMirror: 'portland', dr: 'seattle', comp: 'seattle', compMirror: 'portland' }) },
  { name: "fixtures.adatum('', '')", text: fixtures.adatum('', '') },
  { name: 'fixtures.adatum(users, 5 per pool)', text: fixtures.adatum('    concurrentUsers: 60000\n', '    concurrentUsers: 60000\n', 5) },
  { name: 'fixtures.withContosoSql', text: fixtures.withContosoSql(fixtures.CONTOSO_EE, fixtures.contosoSql('sql-extra', 'sqlbe01', 'PCHAT2')) },
  { name: 'fixtures.withNorthwindSql', text: fixtures.withNorthwindSql(fixtures.NORTHWIND, fixtures.northwindSql('sql-extra', 'se01', 'OTHER', 'express')) },
  ...Object.entries(TARGETED).map(([name, text]) => ({ name: `targeted.${name}`, text })),
];

const ALL_TEXTS = [...EXAMPLE_TEXTS, ...FIXTURE_TEXTS, ...DOC_TEXTS];

// ---------------------------------------------------------------------------------------------------------------
// What a safe fix must leave alone

const REFERENCE_KEYS = new Set(['site', 'backEnd', 'fileStore', 'nextHop', 'store', 'mirror', 'backup', 'backupMirror']);
const ENTITY_SECTIONS = ['sites', 'sqlStores', 'fileStores', 'frontEndPools', 'persistentChatPools'];
const POOL_SERVERS = /^(frontEndPools|persistentChatPools)\.\d+\.servers$/;
const FRONT_END_SERVER = /^frontEndPools\.\d+\.servers\.\d+$/;

interface Shape {
  /** Path → number of items, for every sequence. */
  sequences: Map<string, number>;
  ids: string[];
  fqdns: string[];
  /** Path → value, for every reference key. */
  references: Map<string, string>;
}

const keyText = (key: unknown): string => (isScalar(key) ? String(key.value) : String(key));
const valueText = (value: unknown): string => (isScalar(value) ? String(value.value) : value == null ? '' : String(value));

/** A node's place in the document as keys and indexes, e.g. `persistentChatPools.0.servers.3`, from visit's ancestors. */
function pathOf(ancestors: readonly unknown[], node: unknown): string {
  const chain = [...ancestors, node];
  const parts: string[] = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    const [parent, child] = [chain[i], chain[i + 1]];
    if (isSeq(parent)) parts.push(String(parent.items.indexOf(child)));
    else if (isPair(parent)) parts.push(parent.key === child ? '?key' : keyText(parent.key));
  }
  return parts.join('.');
}

function shapeOf(doc: Document): Shape {
  const shape: Shape = { sequences: new Map(), ids: [], fqdns: [], references: new Map() };
  visit(doc, {
    Seq(_, node, ancestors) {
      shape.sequences.set(pathOf(ancestors, node), node.items.length);
    },
    Pair(_, pair, ancestors) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === 'id') shape.ids.push(valueText(pair.value));
      if (key === 'fqdn') shape.fqdns.push(valueText(pair.value));
      if (key !== undefined && REFERENCE_KEYS.has(key)) shape.references.set(`${pathOf(ancestors, pair)}.${key}`, valueText(pair.value));
    },
    Scalar(_, node, ancestors) {
      if (FRONT_END_SERVER.test(pathOf(ancestors, node))) shape.fqdns.push(String(node.value));
    },
  });
  shape.ids.sort();
  shape.fqdns.sort();
  return shape;
}

/** Number of items of each entity list: the sections and each pool's servers. */
function entityCounts(shape: Shape): Map<string, number> {
  const counts = new Map<string, number>();
  for (const section of ENTITY_SECTIONS) counts.set(section, shape.sequences.get(section) ?? 0);
  for (const [path, length] of shape.sequences) if (POOL_SERVERS.test(path)) counts.set(path, length);
  return counts;
}

/** What `after` changed that a safe fix must not; empty when nothing. */
function violations(before: Shape, after: Shape): string[] {
  const found: string[] = [];
  for (const [path, length] of before.sequences) {
    const now = after.sequences.get(path) ?? 0;
    if (now < length) found.push(`the sequence '${path}' went from ${length} to ${now} items`);
  }
  if (before.ids.join('\n') !== after.ids.join('\n')) found.push(`the ids changed: [${before.ids.join(', ')}] -> [${after.ids.join(', ')}]`);
  if (before.fqdns.join('\n') !== after.fqdns.join('\n')) found.push(`the FQDNs changed: [${before.fqdns.join(', ')}] -> [${after.fqdns.join(', ')}]`);
  for (const [path, value] of before.references) {
    const now = after.references.get(path);
    if (now !== undefined && now !== value) found.push(`the reference '${path}' changed from '${value}' to '${now}'`);
  }
  const [was, is] = [entityCounts(before), entityCounts(after)];
  for (const [list, count] of is) {
    if (count > (was.get(list) ?? 0)) found.push(`'${list}' grew from ${was.get(list) ?? 0} to ${count} items`);
  }
  return found;
}

/** The document of a text the YAML parser reads without error, or undefined. */
function readable(text: string): Document | undefined {
  const doc = parseDocument(text, { prettyErrors: false });
  return doc.errors.length === 0 ? doc : undefined;
}

/** Asserts the property for one text: every safe fix of every finding, and fixAll as a whole, keep the shape. */
function checkSafeFixes(text: string): void {
  const doc = readable(text);
  if (!doc) return;
  const before = shapeOf(doc);
  const judge = (what: string, after: string) => {
    const fixedDoc = parseDocument(after, { prettyErrors: false });
    assert.deepEqual(fixedDoc.errors.map((e) => e.message), [], `${what} made the YAML unreadable\n--- text:\n${text}`);
    const problems = violations(before, shapeOf(fixedDoc));
    assert.deepEqual(problems, [], `${what} is not safe:\n  ${problems.join('\n  ')}\n--- text:\n${text}--- after:\n${after}`);
  };
  for (const finding of validate(text)) {
    for (const fix of finding.fixes) {
      if (fix.safe) judge(`the safe fix "${fix.title}" of ${finding.code}`, applyFix(text, fix));
    }
  }
  judge('fixAll', fixAll(text).text);
}

// ---------------------------------------------------------------------------------------------------------------
// Random edits: the accidents that make rules with fixes fire

/** Ids and FQDNs the texts use, so that a replaced reference names something that exists (or exists twice). */
const NAMES = [...new Set(ALL_TEXTS.flatMap(({ text }) => [...text.matchAll(/^\s*(?:- )?(?:id|fqdn|store|nextHop|backEnd): ([\w.-]+)\s*$/gm)].map((m) => m[1])))].sort();

const VALUES: Record<string, readonly string[]> = {
  edition: ['enterprise', 'standard', 'express', 'Standard', 'Express'],
  state: ['active', 'standby', 'Standby'],
  deployment: ['single-server', 'multiple-server'],
  enabled: ['true', 'false'],
  concurrentUsers: ['5000', '20001', '30000', '45000', '85000'],
  sipPort: ['5041', '5042', '8011'],
  poolPort: ['8011', '8012', '5041'],
};
const REFERENCE_OR_NAME_KEYS = ['site', 'backEnd', 'fileStore', 'nextHop', 'store', 'mirror', 'backup', 'backupMirror', 'id', 'fqdn'];

type Mutation =
  | { kind: 'setValue'; key: string; nth: number; value: string }
  | { kind: 'addState'; nth: number; value: string }
  | { kind: 'duplicateLine'; line: number }
  | { kind: 'deleteLine'; line: number };

const index = fc.nat({ max: 10_000 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Object.keys(VALUES)).chain((key) => fc.record({ kind: fc.constant('setValue' as const), key: fc.constant(key), nth: index, value: fc.constantFrom(...VALUES[key]) })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('setValue' as const), key: fc.constantFrom(...REFERENCE_OR_NAME_KEYS), nth: index, value: fc.constantFrom(...NAMES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('addState' as const), nth: index, value: fc.constantFrom(...VALUES.state) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), line: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteLine' as const), line: index }) },
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const at = (n: number) => n % lines.length;
  switch (m.kind) {
    case 'setValue': {
      const pattern = new RegExp(`^(\\s*(?:- )?${m.key}:)[ \\t]*[^#\\n]*?([ \\t]+#.*)?$`);
      const where = lines.flatMap((line, i) => (pattern.test(line) ? [i] : []));
      if (where.length === 0) return text;
      const i = where[m.nth % where.length];
      lines[i] = lines[i].replace(pattern, (_, head: string, comment: string | undefined) => `${head} ${m.value}${comment ?? ''}`);
      return lines.join('\n');
    }
    case 'addState': {
      // After a server's `- fqdn:` line, a `state:` one level deeper (a duplicate key when there is one already).
      const where = lines.flatMap((line, i) => (/^\s*- fqdn:/.test(line) ? [i] : []));
      if (where.length === 0) return text;
      const i = where[m.nth % where.length];
      lines.splice(i + 1, 0, `${/^\s*/.exec(lines[i])![0]}  state: ${m.value}`);
      return lines.join('\n');
    }
    case 'duplicateLine': {
      const i = at(m.line);
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'deleteLine':
      lines.splice(at(m.line), 1);
      return lines.join('\n');
  }
}

/** As in property.test.ts: a collection used as a key makes the yaml library warn; that is not this test's business. */
const printers = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (/Keys with collection values will be stringified/.test(warning.message)) return;
  for (const printer of printers) printer.call(process, warning);
});

const serversOf = (text: string, section: string, id: string): unknown =>
  (parseDocument(text).toJS()[section] as { id: string; servers?: unknown }[]).find((p) => p.id === id)?.servers;

// ---------------------------------------------------------------------------------------------------------------

describe('safe fixes change only the faulty value', () => {
  describe('on every fixture text', () => {
    for (const { name, text } of ALL_TEXTS) {
      it(name, () => checkSafeFixes(text));
    }
  });

  describe('on random edits of the fixture texts', () => {
    for (const { name, text } of [...EXAMPLE_TEXTS, ...FIXTURE_TEXTS]) {
      it(`${name}: ${RUNS_PER_TEXT} runs of 1–4 edits`, { timeout: 120_000 }, () => {
        const edited = fc.array(mutation, { minLength: 1, maxLength: 4 }).map((mutations) => mutations.reduce(mutate, text));
        fc.assert(
          fc.property(edited, (t) => checkSafeFixes(t)),
          { seed: SEED, numRuns: RUNS_PER_TEXT, includeErrorInReport: true },
        );
      });
    }
  });

  describe('regressions', () => {
    it("an Enterprise Edition pool mistyped 'standard': fixAll keeps its servers and back end, and leaves PC110 and PC109 for a choice", () => {
      const text = TARGETED.fabrikamStandard;
      const servers = ['fe01.corp.fabrikam.com', 'fe02.corp.fabrikam.com', 'fe03.corp.fabrikam.com'];
      assert.deepEqual(serversOf(text, 'frontEndPools', 'fe'), servers);
      for (const code of ['PC110', 'PC109']) {
        const [finding] = findingsOf(text, code);
        assert.ok(finding, `the text must raise ${code}; it raises ${codesOf(text).join(', ')}`);
        assert.ok(finding.fixes.length > 0, `${code} must still offer its fix`);
        assert.deepEqual(finding.fixes.filter((f) => f.safe).map((f) => f.title), [], `${code}'s fix is not safe`);
      }

      const result = fixAll(text);
      assert.deepEqual(serversOf(result.text, 'frontEndPools', 'fe'), servers, 'fixAll changed the servers');
      const fe = (parseDocument(result.text).toJS().frontEndPools as { id: string; backEnd?: string }[]).find((p) => p.id === 'fe');
      assert.equal(fe?.backEnd, 'sql-be', 'fixAll changed the back end');
      assert.equal((parseDocument(result.text).toJS().sqlStores as unknown[]).length, 3, 'fixAll added a SQL store');
      assert.deepEqual(result.applied.filter((a) => a.code === 'PC110' || a.code === 'PC109'), []);
      assert.ok(result.analysis, 'fixAll must return the analysis of the fixed text');
      const left = new Set(result.analysis.findings.map((f) => f.code));
      assert.ok(left.has('PC110') && left.has('PC109'), `PC110 and PC109 must still be reported; left: ${[...left].join(', ')}`);
      assert.ok(Array.isArray(result.needsChoice), 'fixAll must return needsChoice');
      const choices = new Set(result.needsChoice.map((c) => c.code));
      assert.ok(choices.has('PC110') && choices.has('PC109'), `needsChoice must list PC110 and PC109; it lists ${[...choices].join(', ') || 'nothing'}`);
    });

    it("a single-server pool of three servers with its own FQDN: fixAll leaves the pool FQDN (PC209's fix is not safe)", () => {
      const text = TARGETED.singleServerGrown;
      assert.ok(codesOf(text).includes('PC209'), `the text must raise PC209; it raises ${codesOf(text).join(', ')}`);
      assert.ok(codesOf(text).includes('PC201'));
      const [pc209] = findingsOf(text, 'PC209');
      assert.ok(pc209.fixes.length > 0, 'PC209 must still offer its fix');
      assert.deepEqual(pc209.fixes.filter((f) => f.safe).map((f) => f.title), [], "PC209's fix is not safe");

      const result = fixAll(text);
      const pool = (parseDocument(result.text).toJS().persistentChatPools as { id: string; fqdn: string }[]).find((p) => p.id === 'pchat');
      assert.equal(pool?.fqdn, 'pchat.corp.proseware.com', 'fixAll changed the pool FQDN');
      assert.equal((serversOf(result.text, 'persistentChatPools', 'pchat') as unknown[]).length, 3);
      assert.ok(result.analysis?.findings.some((f) => f.code === 'PC209'), 'PC209 must still be reported');
      assert.ok(Array.isArray(result.needsChoice), 'fixAll must return needsChoice');
      assert.ok(result.needsChoice.some((c) => c.code === 'PC209'), `needsChoice must list PC209; it lists ${result.needsChoice.map((c) => c.code).join(', ') || 'nothing'}`);
    });
  });

  describe('the safe fixes fixAll still applies', () => {
    it('PC203: marks the servers after the fourth active one standby', () => {
      const text = readExample('invalid/too-many-active.topology.yaml');
      assert.deepEqual(codesOf(text), ['PC203', 'PC207']);
      const result = fixAll(text);
      assert.deepEqual(result.applied.map((a) => a.code), ['PC203']);
      assert.ok(result.text.includes('      - fqdn: pc5.corp.woodgrove.com\n        state: standby\n'), result.text);
      assert.deepEqual([...new Set(result.analysis.findings.map((f) => f.code))], ['PC207']);
      assert.deepEqual(result.needsChoice, []);
    });

    it('PC205: marks the first server active', () => {
      const text = TARGETED.allStandby;
      assert.deepEqual(codesOf(text), ['PC205']);
      const result = fixAll(text);
      assert.deepEqual(result.applied.map((a) => a.code), ['PC205']);
      assert.ok(result.text.includes('      - fqdn: pc1.corp.woodgrove.com\n        state: active\n      - fqdn: pc2.corp.woodgrove.com\n        state: standby\n'), result.text);
      assert.deepEqual(codesOf(result.text), []);
    });

    it('PC108: removes the compliance keys that are ignored', () => {
      const text = TARGETED.unusedCompliance;
      assert.deepEqual(codesOf(text), ['PC108']);
      const result = fixAll(text);
      assert.deepEqual(result.applied.map((a) => a.code), ['PC108']);
      // Only the store and mirror lines go: the text is the same Woodgrove with the compliance map reduced to `enabled: false`.
      assert.equal(result.text, woodgrove({ pool: ONE_SERVER, tail: COMPLIANCE_OFF }));
      assert.deepEqual(codesOf(result.text), []);
    });
  });
});
