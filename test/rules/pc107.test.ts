import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, textAt } from '../helpers';
import { assertFixWorks as fixWorks, change, CONTOSO_EE, soleFinding, lineOf } from './fixtures';
import type { Finding, QuickFix } from '../../server/src/service/types';

/** A valid Enterprise Edition topology; each case gives the Persistent Chat pool a `compliance` map. */
const contoso = (compliance: string) =>
  change(CONTOSO_EE, '      store: sql-pc\n    fileStore: fs\n', `      store: sql-pc\n${compliance}    fileStore: fs   # shared share\n`);

const COMMENTS = ['# Contoso: one Enterprise Edition pool', '# shared share'];

function onlyFinding(text: string): Finding {
  return soleFinding(text, 'PC107', 'error');
}

function checkFix(before: string, fix: QuickFix, comments: string[]): string {
  assert.equal(fix.safe, false, 'choosing where the compliance database lives is the administrator\'s call');
  return fixWorks(before, fix, 'PC107', { comments: [...COMMENTS, ...comments] });
}

describe('PC107 compliance enabled without a compliance store', () => {
  it('the fixture with compliance and a store raises nothing', () => {
    assert.deepEqual(codesOf(contoso('    compliance:\n      enabled: true\n      store: sql-pc\n')), []);
  });

  it("reported on the 'compliance' key, naming the pool; fixes insert 'store:' naming an existing store, the pool's own store first", () => {
    const text = contoso('    compliance:   # legal asked for it\n      enabled: true\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'compliance');
    assert.equal(finding.range.start.line, lineOf(text, '    compliance:   # legal asked for it'));
    assert.equal(finding.message, "Compliance is enabled for Persistent Chat pool 'pchat' but no 'store' holds its compliance database; name the SQL store for it.");
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.isPreferred]),
      [
        ["Keep the compliance database in SQL store 'sql-pc'", true],
        ["Keep the compliance database in SQL store 'sql-be'", false],
      ],
    );
    const first = checkFix(text, finding.fixes[0], ['# legal asked for it']);
    assert.equal(first, contoso('    compliance:   # legal asked for it\n      enabled: true\n      store: sql-pc\n'));
    assert.deepEqual(codesOf(first), []);
    const second = checkFix(text, finding.fixes[1], ['# legal asked for it']);
    assert.equal(second, contoso('    compliance:   # legal asked for it\n      enabled: true\n      store: sql-be\n'));
  });

  it('a compliance map with only a mirror still has no store', () => {
    const text = contoso('    compliance:\n      enabled: true\n      mirror: sql-be\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'compliance');
    for (const fix of finding.fixes) {
      assert.doesNotMatch(fix.title, /'sql-be'/, 'the store holding the mirror cannot also hold the primary');
      checkFix(text, fix, []);
    }
  });

  it('flow style: store is added inside the braces', () => {
    const text = contoso('    compliance: {enabled: true}   # audit\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'compliance');
    const after = checkFix(text, finding.fixes[0], ['# audit']);
    assert.equal(after, contoso('    compliance: {enabled: true, store: sql-pc}   # audit\n'));
    assert.deepEqual(codesOf(after), []);
  });

  it('CRLF file: the inserted store keeps CRLF line ends', () => {
    const text = contoso('    compliance:\n      enabled: true\n').replace(/\n/g, '\r\n');
    const finding = onlyFinding(text);
    const after = checkFix(text, finding.fixes[0], []);
    assert.ok(after.includes('      enabled: true\r\n      store: sql-pc\r\n'));
    assert.doesNotMatch(after, /[^\r]\n/);
  });

  it('near miss: compliance disabled, or absent, needs no store', () => {
    assert.deepEqual(codesOf(contoso('    compliance:\n      enabled: false\n')), []);
    assert.deepEqual(codesOf(contoso('')), []);
  });

  it("near miss: 'enabled' the schema rejects (\"true\" as text) is PC002 only", () => {
    assert.deepEqual(codesOf(contoso('    compliance:\n      enabled: "true"\n')), ['PC002']);
  });

  it('near miss: a store the schema rejects is PC002 only, not also a missing store', () => {
    assert.deepEqual(codesOf(contoso('    compliance:\n      enabled: true\n      store: "sql comp"\n')), ['PC002']);
  });

  it('near miss: a store naming no entity is PC004 only', () => {
    assert.deepEqual(codesOf(contoso('    compliance:\n      enabled: true\n      store: sql-comp\n')), ['PC004']);
  });
});
