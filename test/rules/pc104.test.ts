import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { soleFinding, change, changes, lineOf, CONTOSO_EE, contosoSql } from './fixtures';
import type { Finding } from '../../server/src/service/types';

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

/** The second pool's back end on the first pool's instance. */
const SHARED = change(CONTOSO, 'backEnd: sql-be-west   # its own back end', 'backEnd: sql-be   # its own back end');

/** The second pool's back end in another instance on the first pool's SQL Server (its FQDN in other capitals). */
const SAME_COMPUTER = change(CONTOSO, '    fqdn: sqlbe02.corp.contoso.com\n    instance: RTC\n', '    fqdn: SQLBE01.corp.contoso.com\n    instance: RTCWEST\n');

function onlyFinding(text: string): Finding {
  const finding = soleFinding(text, 'PC104', 'error');
  assert.deepEqual(finding.fixes, [], 'the catalog offers no quick fix for PC104');
  return finding;
}

describe('PC104 one SQL Server computer holds the back-end databases of two Front End pools', () => {
  it('the unchanged fixture raises nothing', () => {
    assert.deepEqual(codesOf(CONTOSO), []);
  });

  it("two Front End pools' back ends on one instance: reported on the second pool's backEnd, related to the first", () => {
    const finding = onlyFinding(SHARED);
    assert.equal(textAt(SHARED, finding), 'sql-be');
    assert.equal(finding.range.start.line, lineOf(SHARED, '    backEnd: sql-be   # its own back end'));
    assert.equal(
      finding.message,
      "The back-end database of Front End pool 'fe-west' is on SQL Server 'sqlbe01.corp.contoso.com' (SQL store 'sql-be'), which also holds the back-end database of Front End pool 'fe' (in the same instance); a SQL Server computer can hold the back-end database of only one Front End pool, whether in the same instance or in separate ones.",
    );
    assert.equal(finding.related.length, 1);
    assert.equal(finding.related[0].range.start.line, lineOf(SHARED, '    backEnd: sql-be   # RTC on sqlbe01'));
  });

  it('another instance on the same SQL Server computer, the FQDN in other capitals: the message says it is another instance', () => {
    const finding = onlyFinding(SAME_COMPUTER);
    assert.equal(textAt(SAME_COMPUTER, finding), 'sql-be-west');
    assert.equal(finding.range.start.line, lineOf(SAME_COMPUTER, '    backEnd: sql-be-west   # its own back end'));
    assert.match(finding.message, /^The back-end database of Front End pool 'fe-west' is on SQL Server 'SQLBE01\.corp\.contoso\.com' \(SQL store 'sql-be-west'\)/);
    assert.match(finding.message, /back-end database of Front End pool 'fe' \(in another instance\)/);
    assert.equal(finding.related[0].range.start.line, lineOf(SAME_COMPUTER, '    backEnd: sql-be   # RTC on sqlbe01'));
  });

  it('three pools on one computer: the second and the third are reported, each related to the first', () => {
    const text = change(
      SAME_COMPUTER,
      '    backEnd: sql-be-west   # its own back end\n    fileStore: fs\n',
      '    backEnd: sql-be-west   # its own back end\n    fileStore: fs\n  - id: fe-east\n    edition: enterprise\n    fqdn: pool03.corp.contoso.com\n    site: redmond\n    servers: [fe21.corp.contoso.com]\n    backEnd: sql-be-west   # a third pool\n    fileStore: fs\n',
    );
    assert.deepEqual(codesOf(text), ['PC104']);
    const findings = findingsOf(text, 'PC104');
    assert.deepEqual(
      findings.map((f) => f.range.start.line),
      [lineOf(text, '    backEnd: sql-be-west   # its own back end'), lineOf(text, '    backEnd: sql-be-west   # a third pool')],
    );
    for (const finding of findings) assert.match(finding.message, /Front End pool 'fe' \(in another instance\)/);
    assert.match(findings[1].message, /^The back-end database of Front End pool 'fe-east'/);
  });

  it('flow style: the second pool written in { }', () => {
    const text = change(
      SHARED,
      '  - id: fe-west\n    edition: enterprise\n    fqdn: pool02.corp.contoso.com\n    site: redmond\n    servers:\n      - fe11.corp.contoso.com\n    backEnd: sql-be   # its own back end\n    fileStore: fs\n',
      '  - {id: fe-west, edition: enterprise, fqdn: pool02.corp.contoso.com, site: redmond, servers: [fe11.corp.contoso.com], backEnd: sql-be, fileStore: fs}   # west\n',
    );
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-be');
  });

  it('near miss: the same instance name on another SQL Server computer', () => {
    const text = change(CONTOSO, '    fqdn: sqlbe02.corp.contoso.com\n', '    fqdn: sqlbe01.corp.contoso.net\n');
    assert.deepEqual(codesOf(text), []);
  });

  it('near miss: a back-end database and a Persistent Chat database on one instance is not PC104 (it is PC105)', () => {
    const text = change(CONTOSO, '      store: sql-pc\n', '      store: sql-be\n');
    assert.deepEqual(codesOf(text), ['PC105']);
  });
});
