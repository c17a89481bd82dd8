import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { assertFixWorks as fixWorks, soleFinding, change, changes, lineOf, CONTOSO_EE, contosoSql, withContosoSql } from './fixtures';
import type { Finding, QuickFix } from '../../server/src/service/types';

/** Persistent Chat pool `name` (pchat-a or pchat-b) with its one server and its database on `store`. */
const pool = (name: 'a' | 'b', store: string) => `  - id: pchat-${name}
    fqdn: pchat${name}.corp.contoso.com
    site: redmond
    deployment: multiple-server
    nextHop: fe
    fileStore: fs
    servers:
      - fqdn: pc${name}01.corp.contoso.com
    database:
      store: ${store}   # pool ${name.toUpperCase()}'s mgc
`;

/** Two Persistent Chat pools, each with its database on its own SQL Server; each case makes them share. */
const CONTOSO = changes(withContosoSql(CONTOSO_EE, contosoSql('sql-pc-b', 'sqlpc02', 'PCHAT')), [
  ['one Enterprise Edition pool and a Persistent Chat pool', 'two Persistent Chat pools on one Enterprise Edition pool'],
  ['      - fe02.corp.contoso.com\n', ''],
  [CONTOSO_EE.slice(CONTOSO_EE.indexOf('  - id: pchat\n')), pool('a', 'sql-pc') + pool('b', 'sql-pc-b')],
]);

const COMMENTS = ['# Contoso: two Persistent Chat pools', "# pool A's mgc", "# pool B's mgc"];

/** Pool B's database on pool A's instance. */
const SHARED = change(CONTOSO, "      store: sql-pc-b   # pool B's mgc", "      store: sql-pc   # pool B's mgc");

function onlyFinding(text: string): Finding {
  return soleFinding(text, 'PC103', 'error');
}

function checkFix(before: string, fix: QuickFix): string {
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.safe, false, 'moving a database is a planning decision');
  return fixWorks(before, fix, 'PC103', { comments: COMMENTS });
}

describe('PC103 one SQL Server instance holds two Persistent Chat (or compliance) databases', () => {
  it('the unchanged fixture raises nothing', () => {
    assert.deepEqual(codesOf(CONTOSO), []);
  });

  it("two pools' Persistent Chat databases on one instance: reported on the second pool's store, related to the first", () => {
    const finding = onlyFinding(SHARED);
    assert.equal(textAt(SHARED, finding), 'sql-pc');
    assert.equal(finding.range.start.line, lineOf(SHARED, "      store: sql-pc   # pool B's mgc"));
    assert.equal(
      finding.message,
      "The Persistent Chat database of Persistent Chat pool 'pchat-b' is on SQL store 'sql-pc', the same SQL Server instance that holds the Persistent Chat database of Persistent Chat pool 'pchat-a'; an instance can hold only one Persistent Chat database.",
    );
    assert.equal(finding.related.length, 1);
    assert.equal(finding.related[0].range.start.line, lineOf(SHARED, "      store: sql-pc   # pool A's mgc"));
  });

  it('the fix moves the database to the store on a SQL Server computer that holds no Persistent Chat and no back-end database', () => {
    const finding = onlyFinding(SHARED);
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ["Move the Persistent Chat database to SQL store 'sql-pc-b' (sqlpc02.corp.contoso.com)"],
    );
    assert.equal(checkFix(SHARED, finding.fixes[0]), CONTOSO);
  });

  it('no fix to another instance on the computer of the shared instance: one Persistent Chat database per SQL Server computer', () => {
    const text = change(SHARED, '    fqdn: sqlpc02.corp.contoso.com\n    instance: PCHAT\n', '    fqdn: sqlpc01.corp.contoso.com\n    instance: PCHAT2\n');
    assert.deepEqual(onlyFinding(text).fixes, []);
  });

  it('no fix to a store on the computer of a back-end database, even in another instance', () => {
    const text = change(SHARED, '    fqdn: sqlpc02.corp.contoso.com\n    instance: PCHAT\n', '    fqdn: sqlbe01.corp.contoso.com\n    instance: PCHAT\n');
    assert.deepEqual(onlyFinding(text).fixes, []);
  });

  it('no fix to a store that would raise another finding: AlwaysOn, or in another data center', () => {
    const alwaysOn = change(SHARED, '    fqdn: sqlpc02.corp.contoso.com\n    instance: PCHAT\n    edition: enterprise\n', '    fqdn: sqlpc02.corp.contoso.com\n    instance: PCHAT\n    edition: enterprise\n    alwaysOn: true\n');
    assert.deepEqual(onlyFinding(alwaysOn).fixes, []);
    const otherDataCenter = change(SHARED, '    fqdn: sqlpc02.corp.contoso.com\n    instance: PCHAT\n    edition: enterprise\n', '    fqdn: sqlpc02.corp.contoso.com\n    instance: PCHAT\n    edition: enterprise\n    dataCenter: portland\n');
    assert.deepEqual(onlyFinding(otherDataCenter).fixes, []);
  });

  it("a mirror on another pool's instance: reported as the mirror, and the fix moves the mirror", () => {
    let text = change(SHARED, "      store: sql-pc   # pool B's mgc\n", "      store: sql-pc-b   # pool B's mgc\n      mirror: sql-pc   # pool B's mirror\n");
    text = withContosoSql(text, contosoSql('sql-pc-c', 'sqlpc03', 'PCHAT'));
    const finding = onlyFinding(text);
    assert.equal(finding.range.start.line, lineOf(text, "      mirror: sql-pc   # pool B's mirror"));
    assert.match(finding.message, /^The mirror of the Persistent Chat database of Persistent Chat pool 'pchat-b' is on SQL store 'sql-pc'.*the Persistent Chat database of Persistent Chat pool 'pchat-a'/);
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ["Move the mirror of the Persistent Chat database to SQL store 'sql-pc-c' (sqlpc03.corp.contoso.com)"],
    );
    const after = checkFix(text, finding.fixes[0]);
    assert.ok(after.includes("      mirror: sql-pc-c   # pool B's mirror\n"));
    assert.deepEqual(codesOf(after), []);
  });

  it('two pools with compliance databases on one instance', () => {
    let text = change(CONTOSO, "      store: sql-pc   # pool A's mgc\n", "      store: sql-pc   # pool A's mgc\n    compliance:\n      enabled: true\n      store: sql-pc-b\n");
    text = `${text}    compliance:\n      enabled: true\n      store: sql-pc-b   # audit\n`;
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-pc-b');
    assert.equal(finding.range.start.line, lineOf(text, '      store: sql-pc-b   # audit'));
    assert.match(finding.message, /compliance database of Persistent Chat pool 'pchat-b'.*compliance database of Persistent Chat pool 'pchat-a'/);
    assert.match(finding.message, /only one compliance database/);
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ["Move the compliance database to SQL store 'sql-pc' (sqlpc01.corp.contoso.com)"],
      "sqlpc01 holds Persistent Chat databases but no compliance database",
    );
    const after = checkFix(text, finding.fixes[0]);
    assert.deepEqual(codesOf(after), []);
  });

  it('flow style: the database written in { }', () => {
    const text = change(SHARED, "    database:\n      store: sql-pc   # pool B's mgc\n", "    database: {store: sql-pc}   # pool B's mgc\n");
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-pc');
    const after = checkFix(text, finding.fixes[0]);
    assert.ok(after.includes("    database: {store: sql-pc-b}   # pool B's mgc\n"));
    assert.deepEqual(codesOf(after), []);
  });

  it("near miss: another instance on the same SQL Server computer", () => {
    const text = change(CONTOSO, '    fqdn: sqlpc02.corp.contoso.com\n    instance: PCHAT\n', '    fqdn: sqlpc01.corp.contoso.com\n    instance: PCHAT2\n');
    assert.deepEqual(codesOf(text), []);
  });

  it("near miss: one pool's Persistent Chat and compliance databases share an instance (one of each kind)", () => {
    const text = change(CONTOSO, "      store: sql-pc   # pool A's mgc\n", "      store: sql-pc   # pool A's mgc\n    compliance:\n      enabled: true\n      store: sql-pc\n");
    assert.deepEqual(codesOf(text), []);
  });

  it("near miss: pool A's Persistent Chat database and pool B's compliance database share an instance", () => {
    const text = `${CONTOSO}    compliance:\n      enabled: true\n      store: sql-pc\n`;
    assert.deepEqual(findingsOf(text, 'PC103'), []);
  });

  it('near miss: a disabled compliance database holds nothing', () => {
    let text = change(CONTOSO, "      store: sql-pc   # pool A's mgc\n", "      store: sql-pc   # pool A's mgc\n    compliance:\n      enabled: true\n      store: sql-be\n");
    text = `${text}    compliance:\n      enabled: false\n      store: sql-be\n`;
    assert.deepEqual(findingsOf(text, 'PC103'), []);
  });
});
