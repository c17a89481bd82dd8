import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, readExample, textAt } from '../helpers';
import { CONTOSO_EE, changes, assertFixWorks as fixWorks, soleFinding, change, lineOf } from './fixtures';
import type { Finding, QuickFix } from '../../server/src/service/types';

/** A valid Enterprise Edition topology with a dedicated SQL Server for Persistent Chat; each case moves the database. */
const CONTOSO = changes(CONTOSO_EE, [
  ['    backEnd: sql-be\n', '    backEnd: sql-be   # RTC\n'],
  ['      store: sql-pc\n', '      store: sql-pc   # mgc\n'],
]);

const COMMENTS = ['# Contoso: one Enterprise Edition pool', '# RTC', '# mgc'];

function onlyFinding(text: string): Finding {
  return soleFinding(text, 'PC105', 'warning');
}

function checkFix(before: string, fix: QuickFix): string {
  assert.equal(fix.safe, false);
  return fixWorks(before, fix, 'PC105', { comments: COMMENTS });
}

describe('PC105 a Persistent Chat or compliance database on the SQL Server computer of a back-end database', () => {
  it('the unchanged fixture raises nothing', () => {
    assert.deepEqual(codesOf(CONTOSO), []);
  });

  it('the Persistent Chat database in the back-end instance: a warning naming the computer and the Front End pool; the fix moves it to the free store', () => {
    const text = change(CONTOSO, 'store: sql-pc   # mgc', 'store: sql-be   # mgc');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-be');
    assert.equal(finding.range.start.line, lineOf(text, '      store: sql-be   # mgc'));
    assert.equal(
      finding.message,
      "The Persistent Chat database of Persistent Chat pool 'pchat' is on SQL Server 'sqlbe01.corp.contoso.com', which also holds the back-end database of Front End pool 'fe' (in the same instance); Microsoft does not recommend this, as the Persistent Chat database can grow very large.",
    );
    assert.equal(finding.related.length, 1);
    assert.equal(finding.related[0].range.start.line, lineOf(text, '    backEnd: sql-be   # RTC'));
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.isPreferred]),
      [["Move the Persistent Chat database to SQL store 'sql-pc' (sqlpc01.corp.contoso.com)", true]],
    );
    assert.equal(checkFix(text, finding.fixes[0]), CONTOSO);
  });

  it('another instance on the back-end computer (FQDN in other capitals) is the same computer', () => {
    let text = change(CONTOSO, '    fqdn: sqlpc01.corp.contoso.com\n    instance: PCHAT\n', '    fqdn: SQLBE01.Corp.Contoso.com\n    instance: PCHAT\n');
    text = change(text, '\nfileStores:', '  - id: sql-pc-new\n    fqdn: sqlpc05.corp.contoso.com\n    instance: PCHAT\n    edition: enterprise\n    site: redmond\n\nfileStores:');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-pc');
    assert.match(finding.message, /SQL Server 'SQLBE01\.Corp\.Contoso\.com'/i);
    assert.match(finding.message, /back-end database of Front End pool 'fe' \(in another instance\)/);
    const preferred = finding.fixes.filter((f) => f.isPreferred);
    assert.equal(preferred.length, 1);
    assert.match(preferred[0].title, /'sql-pc-new'/);
    for (const fix of finding.fixes) assert.doesNotMatch(fix.title, /'sql-be'|'sql-pc' /, 'a store on the back-end computer is no remedy');
    const after = checkFix(text, preferred[0]);
    assert.deepEqual(codesOf(after), []);
  });

  it('flow style: the database written in { }', () => {
    const text = change(CONTOSO, '    database:\n      store: sql-pc   # mgc\n', '    database: {store: sql-be}   # mgc\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-be');
    const after = checkFix(text, finding.fixes[0]);
    assert.ok(after.includes('    database: {store: sql-pc}   # mgc\n'));
    assert.deepEqual(codesOf(after), []);
  });

  it('no fix is offered when no store without a back end exists', () => {
    const text = change(CONTOSO, '    fqdn: sqlpc01.corp.contoso.com\n', '    fqdn: sqlbe01.corp.contoso.com\n');
    const finding = onlyFinding(text);
    assert.deepEqual(finding.fixes, []);
  });

  it('the compliance database in the back-end instance: the same warning; the fix moves it to a store with no back end', () => {
    const withCompliance = (store: string) => change(CONTOSO, '      store: sql-pc   # mgc\n', `      store: sql-pc   # mgc\n    compliance:\n      enabled: true\n      store: ${store}   # audit\n`);
    const text = withCompliance('sql-be');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-be');
    assert.equal(finding.range.start.line, lineOf(text, '      store: sql-be   # audit'));
    assert.equal(
      finding.message,
      "The compliance database of Persistent Chat pool 'pchat' is on SQL Server 'sqlbe01.corp.contoso.com', which also holds the back-end database of Front End pool 'fe' (in the same instance); Microsoft does not recommend this, as the compliance database can grow very large.",
    );
    assert.equal(finding.related[0].range.start.line, lineOf(text, '    backEnd: sql-be   # RTC'));
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ["Move the compliance database to SQL store 'sql-pc' (sqlpc01.corp.contoso.com)"],
      'the computer of the Persistent Chat database holds no compliance database',
    );
    assert.equal(checkFix(text, finding.fixes[0]), withCompliance('sql-pc'));
  });

  it('the compliance database in another instance on the back-end computer, next to the Persistent Chat database there: one warning each', () => {
    let text = change(CONTOSO, '      store: sql-pc   # mgc\n', '      store: sql-be   # mgc\n    compliance:\n      enabled: true\n      store: sql-comp\n');
    text = change(text, '\nfileStores:', '  - id: sql-comp\n    fqdn: sqlbe01.corp.contoso.com\n    instance: COMP\n    edition: enterprise\n    site: redmond\n\nfileStores:');
    assert.deepEqual(codesOf(text), ['PC105']);
    const findings = findingsOf(text, 'PC105');
    assert.deepEqual(findings.map((f) => textAt(text, f)), ['sql-be', 'sql-comp']);
    assert.match(findings[0].message, /^The Persistent Chat database .*\(in the same instance\)/);
    assert.match(findings[1].message, /^The compliance database .*\(in another instance\)/);
  });

  it('near miss: a disabled compliance database holds nothing', () => {
    const text = change(CONTOSO, '      store: sql-pc   # mgc\n', '      store: sql-pc   # mgc\n    compliance:\n      enabled: false\n      store: sql-be\n');
    assert.deepEqual(findingsOf(text, 'PC105'), []);
  });

  it('near miss: a mirror on the back-end computer is not judged, only the primary', () => {
    const text = change(CONTOSO, '      store: sql-pc   # mgc\n', '      store: sql-pc   # mgc\n      mirror: sql-pc-mirror\n');
    const withMirror = change(text, '\nfileStores:', '  - id: sql-pc-mirror\n    fqdn: sqlbe01.corp.contoso.com\n    instance: MIRROR\n    edition: enterprise\n    site: redmond\n\nfileStores:');
    assert.deepEqual(findingsOf(withMirror, 'PC105'), []);
  });

  it("near miss: SQL Server Express on the Standard Edition server is PC102's concern", () => {
    assert.deepEqual(findingsOf(readExample('se-sql-express.topology.yaml'), 'PC105'), []);
  });

  it('near miss: a Persistent Chat database on its own SQL Server named like the back end', () => {
    const text = change(CONTOSO, '    fqdn: sqlpc01.corp.contoso.com\n', '    fqdn: sqlbe01.corp.contoso.net\n');
    assert.deepEqual(codesOf(text), []);
  });
});
