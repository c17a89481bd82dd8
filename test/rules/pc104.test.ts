import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, textAt } from '../helpers';
import { assertFixWorks as fixWorks, soleFinding, change, changes, lineOf, CONTOSO_EE, contosoSql } from './fixtures';
import type { Finding, QuickFix } from '../../server/src/service/types';

/** Two Enterprise Edition pools, each with its back end on its own SQL Server; each case makes them share. */
const CONTOSO = changes(CONTOSO_EE, [
  ['one Enterprise Edition pool', 'two Enterprise Edition pools'],
  ['    site: redmond\n  - id: sql-pc\n', `    site: redmond\n${contosoSql('sql-be-west', 'sqlbe02', 'RTC')}  - id: sql-pc\n`],
  [
    '      - fe01.corp.contoso.com\n      - fe02.corp.contoso.com\n    backEnd: sql-be\n    fileStore: fs\n',
    `      - fe01.corp.contoso.com
    backEnd: sql-be   # RTC on sqlbe01
    fileStore: fs
  - id: fe-west
    edition: enterprise
    fqdn: pool02.corp.contoso.com
    site: redmond
    servers:
      - fe11.corp.contoso.com
    backEnd: sql-be-west   # its own back end
    fileStore: fs
`,
  ],
  ['      - fqdn: pc02.corp.contoso.com\n', ''],
]);

const COMMENTS = ['# Contoso: two Enterprise Edition pools', '# RTC on sqlbe01', '# its own back end'];

/** The second pool's back end on the first pool's instance. */
const SHARED = change(CONTOSO, 'backEnd: sql-be-west   # its own back end', 'backEnd: sql-be   # its own back end');

function onlyFinding(text: string): Finding {
  return soleFinding(text, 'PC104', 'error');
}

function checkFix(before: string, fix: QuickFix, comments = COMMENTS): string {
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.safe, false, 'adding a SQL store is not safe to apply unasked');
  return fixWorks(before, fix, 'PC104', { comments });
}

describe('PC104 one SQL Server instance holds two back-end databases', () => {
  it('the unchanged fixture raises nothing', () => {
    assert.deepEqual(codesOf(CONTOSO), []);
  });

  it("two Front End pools' back ends on one instance: reported on the second pool's backEnd, related to the first", () => {
    const finding = onlyFinding(SHARED);
    assert.equal(textAt(SHARED, finding), 'sql-be');
    assert.equal(finding.range.start.line, lineOf(SHARED, '    backEnd: sql-be   # its own back end'));
    assert.equal(
      finding.message,
      "The back-end database of Front End pool 'fe-west' is on SQL store 'sql-be', the same SQL Server instance that holds the back-end database of Front End pool 'fe'; an instance can hold only one back-end database.",
    );
    assert.equal(finding.related[0].range.start.line, lineOf(SHARED, '    backEnd: sql-be   # RTC on sqlbe01'));
  });

  it('the fix adds a new instance on the same SQL Server and points the back end at it', () => {
    const finding = onlyFinding(SHARED);
    assert.equal(finding.fixes.length, 1);
    const [fix] = finding.fixes;
    const newId = /adds SQL store '([^']+)'/.exec(fix.title)?.[1];
    assert.ok(newId, fix.title);
    assert.ok(!SHARED.includes(`id: ${newId}\n`), 'the new store id is not taken');
    assert.match(fix.title, /new instance 'RTC2' on sqlbe01\.corp\.contoso\.com/);
    const after = checkFix(SHARED, fix);
    assert.ok(after.includes(`    backEnd: ${newId}   # its own back end\n`));
    assert.ok(after.includes(`  - id: ${newId}\n    fqdn: sqlbe01.corp.contoso.com\n    instance: RTC2\n    edition: enterprise\n    site: redmond\n`), after);
    assert.deepEqual(codesOf(after), []);
  });

  it('flow style: the second pool written in { }', () => {
    const text = change(
      SHARED,
      '  - id: fe-west\n    edition: enterprise\n    fqdn: pool02.corp.contoso.com\n    site: redmond\n    servers:\n      - fe11.corp.contoso.com\n    backEnd: sql-be   # its own back end\n    fileStore: fs\n',
      '  - {id: fe-west, edition: enterprise, fqdn: pool02.corp.contoso.com, site: redmond, servers: [fe11.corp.contoso.com], backEnd: sql-be, fileStore: fs}   # west\n',
    );
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-be');
    const after = checkFix(text, finding.fixes[0], ['# RTC on sqlbe01', '# west']);
    assert.match(after, /servers: \[fe11\.corp\.contoso\.com\], backEnd: sql-be-\d+, fileStore: fs\} {3}# west\n/);
    assert.deepEqual(codesOf(after), []);
  });

  it('near miss: another instance on the same SQL Server computer is supported', () => {
    const text = change(CONTOSO, '    fqdn: sqlbe02.corp.contoso.com\n    instance: RTC\n', '    fqdn: SQLBE01.corp.contoso.com\n    instance: RTCWEST\n');
    assert.deepEqual(codesOf(text), []);
  });

  it('near miss: a back-end database and a Persistent Chat database on one instance is not PC104 (it is PC105)', () => {
    const text = change(CONTOSO, '      store: sql-pc\n', '      store: sql-be\n');
    assert.deepEqual(codesOf(text), ['PC105']);
  });
});
