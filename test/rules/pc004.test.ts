import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codesOf, textAt } from '../helpers';
import { CONTOSO_EE, changes, assertFixWorks as fixWorks, soleFinding, change } from './fixtures';
import type { Finding, QuickFix } from '../../server/src/service/types';

/** A valid Enterprise Edition topology; each case breaks one reference. */
const CONTOSO = changes(CONTOSO_EE, [
  ['    backEnd: sql-be\n', '    backEnd: sql-be   # the RTC instance\n'],
  ['    fqdn: pchat.corp.contoso.com\n    site: redmond\n', '    fqdn: pchat.corp.contoso.com\n    site: redmond   # logical Lync site\n'],
  ['    nextHop: fe\n', '    nextHop: fe     # the Enterprise Edition pool\n'],
  ['      store: sql-pc\n', '      store: sql-pc   # mgc\n'],
]);

const COMMENTS = ['# Contoso: one Enterprise Edition pool', '# the RTC instance', '# logical Lync site', '# the Enterprise Edition pool', '# mgc'];

function onlyFinding(text: string): Finding {
  return soleFinding(text, 'PC004', 'error');
}

function checkFix(before: string, fix: QuickFix): string {
  return fixWorks(before, fix, 'PC004', { comments: COMMENTS });
}

describe('PC004 unknown reference', () => {
  it('the unchanged fixture raises nothing', () => {
    assert.deepEqual(codesOf(CONTOSO), []);
  });

  it("a nextHop naming no pool: the message names the key, the pool and the missing id; the fix restores 'fe'", () => {
    const text = change(CONTOSO, 'nextHop: fe ', 'nextHop: fe1');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'fe1');
    assert.equal(finding.message, "'nextHop' of Persistent Chat pool 'pchat' names 'fe1', but no Front End pool has that id.");
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.isPreferred, f.safe]),
      [["Change to 'fe'", true, false]],
    );
    assert.equal(checkFix(text, finding.fixes[0]), change(CONTOSO, 'nextHop: fe ', 'nextHop: fe'));
  });

  it('a database store naming no store: fixes offer the existing stores, the closest spelling first and preferred', () => {
    const text = change(CONTOSO, 'store: sql-pc ', 'store: sql-pcc');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-pcc');
    assert.match(finding.message, /'store' of Persistent Chat pool 'pchat' names 'sql-pcc', but no SQL store has that id/);
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.isPreferred]),
      [
        ["Change to 'sql-pc'", true],
        ["Change to 'sql-be'", false],
      ],
    );
    for (const fix of finding.fixes) checkFix(text, fix);
    assert.deepEqual(codesOf(applyFix(text, finding.fixes[0])), []);
  });

  it("a site naming no site: the fix offers 'redmond'", () => {
    const text = change(CONTOSO, 'site: redmond   # logical Lync site', 'site: redmon   # logical Lync site');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'redmon');
    assert.match(finding.message, /'site' of Persistent Chat pool 'pchat' names 'redmon', but no site has that id/);
    assert.equal(finding.fixes[0].title, "Change to 'redmond'");
    assert.equal(checkFix(text, finding.fixes[0]), CONTOSO);
  });

  it('flow style: a reference inside braces is replaced in place and the comment stays', () => {
    const text = change(CONTOSO, '    database:\n      store: sql-pc   # mgc\n', '    database: {store: sql-pcc, mirror: sql-be}   # mgc\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-pcc');
    const preferred = finding.fixes.find((f) => f.isPreferred)!;
    assert.equal(preferred.title, "Change to 'sql-pc'");
    const after = checkFix(text, preferred);
    assert.ok(after.includes('    database: {store: sql-pc, mirror: sql-be}   # mgc\n'));
  });

  it('a broken back end raises nothing further about it (no PC109 for a pool without back end)', () => {
    const text = change(CONTOSO, 'backEnd: sql-be ', 'backEnd: sql-bee');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-bee');
    assert.match(finding.message, /'backEnd' of Front End pool 'fe' names 'sql-bee'/);
    assert.equal(finding.fixes[0].title, "Change to 'sql-be'");
    assert.equal(finding.fixes[0].isPreferred, true);
    checkFix(text, finding.fixes[0]);
  });

  it('a broken compliance store raises nothing further (no PC107 for compliance without store)', () => {
    const text = change(CONTOSO, '      store: sql-pc   # mgc\n', '      store: sql-pc   # mgc\n    compliance:\n      enabled: true\n      store: sql-comp\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-comp');
    assert.match(finding.message, /'store' of Persistent Chat pool 'pchat' names 'sql-comp', but no SQL store has that id/);
    for (const fix of finding.fixes) checkFix(text, fix);
  });

  it('near miss: a reference of the wrong kind is PC005, not PC004', () => {
    const text = change(CONTOSO, 'nextHop: fe ', 'nextHop: sql-pc');
    assert.deepEqual(codesOf(text), ['PC005']);
  });

  it('near miss: a reference the schema rejects is PC002 only', () => {
    const text = change(CONTOSO, 'nextHop: fe ', 'nextHop: "fe 1"');
    assert.deepEqual(codesOf(text), ['PC002']);
  });
});
