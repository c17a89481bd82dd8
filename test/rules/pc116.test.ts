import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { assertFixWorks, change, CONTOSO_EE, FABRIKAM, soleFinding } from './fixtures';

/** Contoso with no `fileStore` on its Persistent Chat pool (the Front End pool keeps fs). */
const CONTOSO = change(CONTOSO_EE, '      store: sql-pc\n    fileStore: fs\n', '      store: sql-pc\n');

describe('PC116 a multiple-server Persistent Chat pool has no file store', () => {
  it("warns on the pool's deployment, naming the pool", () => {
    const finding = soleFinding(CONTOSO, 'PC116', 'warning');
    assert.equal(textAt(CONTOSO, finding), 'multiple-server');
    assert.match(finding.message, /^Multiple-server Persistent Chat pool 'pchat' has no 'fileStore'/);
    assert.match(finding.message, /file share \(a UNC path\)/);
  });

  describe("quick fix: use the next hop's file store", () => {
    it('adds `fileStore: fs` at the end of the pool, not as a safe fix', () => {
      const [fix] = findingsOf(CONTOSO, 'PC116')[0].fixes;
      assert.equal(fix.title, "Use file store 'fs' of next hop 'fe'");
      assert.equal(fix.isPreferred, true);
      assert.equal(fix.safe, false, 'a new reference is a choice');
      assert.equal(assertFixWorks(CONTOSO, fix, 'PC116', { clean: true }), CONTOSO_EE);
    });

    it('edits a flow-style pool', () => {
      const text = CONTOSO.replace(
        /  - id: pchat\n[\s\S]*$/,
        '  - {id: pchat, fqdn: pchat.corp.contoso.com, site: redmond, deployment: multiple-server, nextHop: fe, servers: [{fqdn: pc01.corp.contoso.com}, {fqdn: pc02.corp.contoso.com}], database: {store: sql-pc}}\n',
      );
      const after = assertFixWorks(text, soleFinding(text, 'PC116').fixes[0], 'PC116', { clean: true });
      assert.ok(after.includes('database: {store: sql-pc}, fileStore: fs}\n'), after);
    });

    it('offers none where the next hop has no file store', () => {
      const text = change(CONTOSO, '    backEnd: sql-be\n    fileStore: fs\n', '    backEnd: sql-be\n');
      assert.deepEqual(soleFinding(text, 'PC116').fixes, []);
    });

    it("offers none where the next hop's file store names no file store (PC004 is raised for it)", () => {
      const text = change(CONTOSO, '    backEnd: sql-be\n    fileStore: fs\n', '    backEnd: sql-be\n    fileStore: fs-missing\n');
      assert.deepEqual(codesOf(text), ['PC004', 'PC116']);
      assert.deepEqual(findingsOf(text, 'PC116')[0].fixes, []);
    });
  });

  it('near miss: a single-server pool may keep its files in a local folder (Fabrikam has no file store)', () => {
    assert.doesNotMatch(FABRIKAM, /fileStore/);
    assert.deepEqual(codesOf(FABRIKAM), ['PC202']);
  });

  it('near miss: a multiple-server pool with a file store', () => {
    assert.deepEqual(codesOf(CONTOSO_EE), []);
  });

  it('does not judge a pool whose deployment the schema rejected: PC002 only', () => {
    assert.deepEqual(codesOf(change(CONTOSO, 'deployment: multiple-server', 'deployment: multi-server')), ['PC002']);
  });
});
