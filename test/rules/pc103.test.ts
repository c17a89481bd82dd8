import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { assertFixWorks as fixWorks, soleFinding, change, changes, lineOf, CONTOSO_EE, contosoSql, withContosoSql } from './fixtures';
import type { Finding, QuickFix } from '../../server/src/service/types';

const STORES = `sqlStores:
${contosoSql('sql-be', 'sqlbe01', 'RTC')}${contosoSql('sql-pc', 'sqlpc01', 'PCHAT')}${contosoSql('sql-pc-b', 'sqlpc02', 'PCHAT')}`;

/** Persistent Chat pool `name` (pchat-a or pchat-b) with its one server and its database on `store`. */
const pool = (name: 'a' | 'b', store: string) => `  - id: pchat-${name}
    fqdn: pchat${name}.corp.contoso.com
    site: redmond
    deployment: multiple-server
    nextHop: fe
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
  assert.equal(fix.safe, false, 'adding a SQL store is not safe to apply unasked');
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

  it('the fix adds a new instance on the same SQL Server and moves the database there', () => {
    const finding = onlyFinding(SHARED);
    assert.equal(finding.fixes.length, 1);
    const [fix] = finding.fixes;
    assert.match(fix.title, /new instance 'PCHAT2' on sqlpc01\.corp\.contoso\.com/);
    assert.match(fix.title, /'sql-pc-2'/);
    const after = checkFix(SHARED, fix);
    assert.ok(after.includes("      store: sql-pc-2   # pool B's mgc\n"));
    assert.ok(after.includes('  - id: sql-pc-2\n    fqdn: sqlpc01.corp.contoso.com\n    instance: PCHAT2\n    edition: enterprise\n    site: redmond\n'), after);
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
    const after = checkFix(text, finding.fixes[0]);
    assert.deepEqual(codesOf(after), []);
  });

  it('flow style: stores in a one-line [ ] list and the database in { }', () => {
    let text = change(
      SHARED,
      STORES,
      'sqlStores: [{id: sql-be, fqdn: sqlbe01.corp.contoso.com, instance: RTC, edition: enterprise, site: redmond}, {id: sql-pc, fqdn: sqlpc01.corp.contoso.com, instance: PCHAT, edition: enterprise, site: redmond}]   # all stores\n',
    );
    text = change(text, "    database:\n      store: sql-pc   # pool B's mgc\n", "    database: {store: sql-pc}   # pool B's mgc\n");
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-pc');
    const after = checkFix(text, finding.fixes[0]);
    assert.ok(after.includes("    database: {store: sql-pc-2}   # pool B's mgc\n"));
    assert.match(after, /site: redmond\}, \{ ?id: sql-pc-2, fqdn: sqlpc01\.corp\.contoso\.com, instance: PCHAT2, edition: enterprise, site: redmond ?\}\] {3}# all stores\n/);
    assert.deepEqual(codesOf(after), []);
  });

  it('flow style: stores in a [ ] list over several lines, closed at the start of a line', () => {
    const text = change(
      SHARED,
      STORES,
      'sqlStores: [\n  {id: sql-be, fqdn: sqlbe01.corp.contoso.com, instance: RTC, edition: enterprise, site: redmond},\n  {id: sql-pc, fqdn: sqlpc01.corp.contoso.com, instance: PCHAT, edition: enterprise, site: redmond}\n]\n',
    );
    const finding = onlyFinding(text);
    const after = checkFix(text, finding.fixes[0]);
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
