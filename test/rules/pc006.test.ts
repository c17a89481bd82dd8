import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codesOf, findingsOf, newErrors, readExample, textAt, unchangedOutside } from '../helpers';
import { assertFixWorks as fixWorks, soleFinding, change, changes, lineOf, CONTOSO_EE, contosoSql, withContosoSql } from './fixtures';
import type { Finding, QuickFix } from '../../server/src/service/types';

/** A valid Enterprise Edition topology with two SQL stores for Persistent Chat; each case repeats one computer. */
const CONTOSO = changes(withContosoSql(CONTOSO_EE, contosoSql('sql-pc-b', 'sqlpc02', 'PCHAT')), [
  ['and a Persistent Chat pool\n', 'and Persistent Chat\n'],
  ['      - fe01.corp.contoso.com\n      - fe02.corp.contoso.com\n', '      - fe01.corp.contoso.com   # rack A\n      - fe02.corp.contoso.com   # rack B\n'],
  ['    servers:\n      - fqdn: pc01', '    servers:\n      # Seattle servers\n      - fqdn: pc01'],
]);

const COMMENTS = ['# Contoso: one Enterprise Edition pool and Persistent Chat', '# rack A', '# rack B', '# Seattle servers'];

/** A second Persistent Chat pool with the given server lines, its database on sql-pc-b and its files on fs. */
const secondPool = (servers: string) => `  - id: pchat-b
    fqdn: pchatb.corp.contoso.com
    site: redmond
    deployment: multiple-server
    nextHop: fe
    fileStore: fs
    servers:
${servers}    database:
      store: sql-pc-b
`;

function onlyFinding(text: string): Finding {
  return soleFinding(text, 'PC006', 'error');
}

function checkFix(before: string, fix: QuickFix): string {
  return fixWorks(before, fix, 'PC006', { comments: COMMENTS });
}

describe('PC006 repeated computer', () => {
  it('the unchanged fixture raises nothing', () => {
    assert.deepEqual(codesOf(CONTOSO), []);
  });

  it('a Persistent Chat server listed twice in one pool, in other capitals: reported on the repeat; removal offered, not safe (it deletes a list item)', () => {
    const text = change(CONTOSO, '      - fqdn: pc02.corp.contoso.com\n', '      - fqdn: pc02.corp.contoso.com\n      - fqdn: PC01.corp.contoso.com\n        state: standby\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'PC01.corp.contoso.com');
    assert.equal(finding.message, "'PC01.corp.contoso.com' is listed twice in Persistent Chat pool 'pchat'.");
    assert.equal(finding.related[0].range.start.line, lineOf(text, '      - fqdn: pc01.corp.contoso.com'));
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.isPreferred, f.safe]),
      [["Remove the repeated 'PC01.corp.contoso.com'", true, false]],
    );
    assert.equal(checkFix(text, finding.fixes[0]), CONTOSO);
  });

  it('a Front End server listed twice in an Enterprise Edition pool: removal of the repeat, not safe', () => {
    const text = change(CONTOSO, '      - fe02.corp.contoso.com   # rack B\n', '      - fe02.corp.contoso.com   # rack B\n      - FE01.CORP.CONTOSO.COM\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'FE01.CORP.CONTOSO.COM');
    assert.match(finding.message, /'FE01\.CORP\.CONTOSO\.COM' is listed twice in Front End pool 'fe'/);
    assert.equal(finding.fixes.length, 1);
    assert.equal(finding.fixes[0].safe, false);
    assert.equal(checkFix(text, finding.fixes[0]), CONTOSO);
  });

  it('flow style: a repeated Front End server is removed from the [ ] list with its comma', () => {
    const text = change(
      CONTOSO,
      '    servers:\n      - fe01.corp.contoso.com   # rack A\n      - fe02.corp.contoso.com   # rack B\n',
      '    servers: [fe01.corp.contoso.com, FE01.corp.contoso.com, fe02.corp.contoso.com]   # rack A, rack B\n',
    );
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'FE01.corp.contoso.com');
    const after = applyFix(text, finding.fixes[0]);
    assert.ok(after.includes('    servers: [fe01.corp.contoso.com, fe02.corp.contoso.com]   # rack A, rack B\n'), after);
    assert.deepEqual(codesOf(after), []);
    assert.ok(unchangedOutside(text, after, finding.fixes[0]));
    assert.deepEqual(newErrors(text, after), []);
  });

  it('flow style: a repeated Persistent Chat server, last in a list of { } maps', () => {
    const text = change(
      CONTOSO,
      '      - fqdn: pc01.corp.contoso.com\n      - fqdn: pc02.corp.contoso.com\n',
      '      [{fqdn: pc01.corp.contoso.com}, {fqdn: pc02.corp.contoso.com}, {fqdn: pc01.corp.contoso.com, state: standby}]\n',
    );
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'pc01.corp.contoso.com');
    assert.equal(finding.range.start.character, text.split('\n')[finding.range.start.line].lastIndexOf('pc01'));
    const after = checkFix(text, finding.fixes[0]);
    assert.ok(after.includes('      [{fqdn: pc01.corp.contoso.com}, {fqdn: pc02.corp.contoso.com}]\n'), after);
    assert.deepEqual(codesOf(after), []);
  });

  it('a computer in two Persistent Chat pools: names both pools; the removal is offered but not safe', () => {
    const text = CONTOSO + secondPool('      - fqdn: pcb01.corp.contoso.com\n      - fqdn: PC02.corp.contoso.com\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'PC02.corp.contoso.com');
    assert.equal(
      finding.message,
      "'PC02.corp.contoso.com' is in Persistent Chat pool 'pchat' and in Persistent Chat pool 'pchat-b'; a computer belongs to one Persistent Chat pool only.",
    );
    assert.equal(finding.related[0].range.start.line, lineOf(text, '      - fqdn: pc02.corp.contoso.com'));
    assert.deepEqual(
      finding.fixes.map((f) => [f.isPreferred, f.safe]),
      [[true, false]],
    );
    const after = checkFix(text, finding.fixes[0]);
    assert.deepEqual(codesOf(after), []);
  });

  it("a computer in two pools, the second pool's only server: no offered fix may leave that pool without servers", () => {
    const text = CONTOSO + secondPool('      - fqdn: pc02.corp.contoso.com\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'pc02.corp.contoso.com');
    assert.match(finding.message, /Persistent Chat pool 'pchat' and in Persistent Chat pool 'pchat-b'/);
    for (const fix of finding.fixes) {
      const after = applyFix(text, fix);
      assert.deepEqual(
        newErrors(text, after).map((f) => `${f.code} ${f.message}`),
        [],
        `fix '${fix.title}' breaks the file`,
      );
    }
  });

  it('near miss: a Persistent Chat server on a Front End server is a different kind of pool (PC101, not PC006)', () => {
    const text = change(CONTOSO, '      - fqdn: pc02.corp.contoso.com\n', '      - fqdn: fe02.corp.contoso.com\n');
    assert.deepEqual(codesOf(text), ['PC101']);
  });

  it('near miss: a Persistent Chat server on its Standard Edition server is supported collocation', () => {
    assert.deepEqual(findingsOf(readExample('se-sql-express.topology.yaml'), 'PC006'), []);
  });

  it('near miss: names that share a prefix are different computers', () => {
    const text = change(CONTOSO, '      - fqdn: pc02.corp.contoso.com\n', '      - fqdn: pc02.corp.contoso.com\n      - fqdn: pc01.corp.contoso.com.eu.contoso.com\n      - fqdn: pc011.corp.contoso.com\n');
    assert.deepEqual(findingsOf(text, 'PC006'), []);
  });
});
