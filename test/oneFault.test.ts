/**
 * One fault, one finding (rules.md, v2): a value that fails the schema (PC002) is unknown to every rule, so no rule
 * judges the entity it belongs to nor the entities whose verdict goes through it; an id defined twice raises PC003 only,
 * each reference resolving to the definition of the kind it expects; a pool with no active server raises PC205, not
 * also PC206.
 *
 * Each test starts from a valid descriptor, checks that it raises what it should (nothing, or what its `# expect:`
 * line says), makes one fault, and asserts the exact set of rule ids.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, readExample } from './helpers';
import { change, changes, CONTOSO_EE } from './rules/fixtures';

/** The ids a fixture's first line `# expect: PC101, PC203` names; `(nothing)` is none. */
function expected(text: string): string[] {
  const line = /^# expect: (.*)$/m.exec(text.split('\n')[0]);
  assert.ok(line, 'the example must start with an `# expect:` line');
  return line[1].trim() === '(nothing)' ? [] : line[1].split(',').map((id) => id.trim()).sort();
}

/** Asserts that `base` raises `baseCodes` and `faulty` exactly `codes`. */
function assertOneFault(base: string, baseCodes: string[], faulty: string, codes: string[]): void {
  assert.deepEqual(codesOf(base), baseCodes, 'the base descriptor does not raise what it should');
  assert.notEqual(faulty, base);
  assert.deepEqual(codesOf(faulty), codes);
}

/**
 * Litware (se-sql-express): Persistent Chat, its database and its compliance database all on the Standard Edition
 * server lync01 and its local SQL Server Express, with a multiple-server pool so that PC202 keeps out of the way.
 */
const SE_EXAMPLE = readExample('se-sql-express.topology.yaml');
const LITWARE = change(SE_EXAMPLE, 'deployment: single-server', 'deployment: multiple-server');

const STRETCHED = readExample('ee-multiple-server.topology.yaml');
const NORTHWIND = readExample('se-next-hop.topology.yaml');

describe('one fault, one finding', () => {
  it('the examples used as bases raise what their first line says', () => {
    for (const name of ['se-sql-express.topology.yaml', 'ee-multiple-server.topology.yaml', 'se-next-hop.topology.yaml']) {
      const text = readExample(name);
      assert.deepEqual(codesOf(text), expected(text), name);
    }
  });

  describe('an id defined twice raises PC003 only: a reference resolves to the definition of the kind it expects', () => {
    it("a SQL store and a file store both 'fs', the Front End pool's backEnd and both fileStores naming 'fs'", () => {
      const faulty = changes(CONTOSO_EE, [
        ['  - id: sql-be\n', '  - id: fs\n'],
        ['    backEnd: sql-be\n', '    backEnd: fs\n'],
      ]);
      assert.match(faulty, /fileStore: fs\n[\s\S]*fileStore: fs\n/);
      assertOneFault(CONTOSO_EE, [], faulty, ['PC003']);
    });

    it("a SQL store with the id of the Front End pool 'fe', named by the Persistent Chat pool's nextHop and database store", () => {
      const faulty = changes(CONTOSO_EE, [
        ['  - id: sql-pc\n', '  - id: fe\n'],
        ['      store: sql-pc\n', '      store: fe\n'],
      ]);
      assert.match(faulty, /nextHop: fe\n/);
      assertOneFault(CONTOSO_EE, [], faulty, ['PC003']);
    });
  });

  it("a SQL store whose edition is 'Express' (fails the schema), holding a Persistent Chat database on the computer of a back end: PC002 only, no PC105 nor PC109", () => {
    assertOneFault(LITWARE, [], change(LITWARE, 'edition: express', 'edition: Express'), ['PC002']);
  });

  it("a Standard Edition server whose edition is 'Standard' (fails the schema), with a collocated pool whose database is on its express store: PC002 only, no PC102", () => {
    assertOneFault(LITWARE, [], change(LITWARE, 'edition: standard', 'edition: Standard'), ['PC002']);
  });

  describe("a server whose state is 'Standby' (fails the schema): PC002 only, no PC203, PC205 nor PC206", () => {
    it('a standby server of a stretched pool with four active servers (not counted as active: no PC203)', () => {
      const faulty = change(STRETCHED, '      - fqdn: pc05.corp.contoso.com\n        state: standby\n', '      - fqdn: pc05.corp.contoso.com\n        state: Standby\n');
      assertOneFault(STRETCHED, [], faulty, ['PC002']);
    });

    it('one of the four active servers of a pool planning 72,000 users (not counted as standby: no PC206)', () => {
      const faulty = change(STRETCHED, '      - fqdn: pc04.corp.contoso.com\n', '      - fqdn: pc04.corp.contoso.com\n        state: Standby\n');
      assertOneFault(STRETCHED, [], faulty, ['PC002']);
    });

    it("a pool's only server (not counted as standby: no PC205)", () => {
      const faulty = change(NORTHWIND, '      - fqdn: pc01.corp.northwind.com\n', '      - fqdn: pc01.corp.northwind.com\n        state: Standby\n');
      assertOneFault(NORTHWIND, [], faulty, ['PC002']);
    });
  });

  it('a pool planning 30,000 users whose servers are all standby: PC205 only, not PC206', () => {
    const base = changes(NORTHWIND, [
      ['concurrentUsers: 5000', 'concurrentUsers: 30000'],
      [
        '      - fqdn: pc01.corp.northwind.com\n',
        '      - fqdn: pc01.corp.northwind.com\n        state: active\n      - fqdn: pc02.corp.northwind.com\n        state: active\n',
      ],
    ]);
    assertOneFault(base, [], base.replace(/state: active/g, 'state: standby'), ['PC205']);
  });
});
