import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { changes, CONTOSO_EE } from './fixtures';

interface Zones {
  frontEnd?: string;
  pool?: string;
  pc01?: string;
  pc02?: string;
}

const zoneLine = (indent: string, zone: string | undefined) => (zone === undefined ? '' : `${indent}timeZone: ${zone}\n`);

/** Contoso (one Enterprise Edition pool 'fe', Persistent Chat pool 'pchat' on pc01 and pc02) with the time zones given. */
const contoso = (zones: Zones, pc02State = '') =>
  changes(CONTOSO_EE, [
    ['    backEnd: sql-be\n    fileStore: fs\n', `    backEnd: sql-be\n    fileStore: fs\n${zoneLine('    ', zones.frontEnd)}`],
    ['    nextHop: fe\n', `    nextHop: fe\n${zoneLine('    ', zones.pool)}`],
    ['      - fqdn: pc01.corp.contoso.com\n', `      - fqdn: pc01.corp.contoso.com\n${zoneLine('        ', zones.pc01)}`],
    ['      - fqdn: pc02.corp.contoso.com\n', `      - fqdn: pc02.corp.contoso.com\n${pc02State}${zoneLine('        ', zones.pc02)}`],
  ]);

const PACIFIC = 'Pacific Standard Time';
const EASTERN = 'Eastern Standard Time';

describe("PC217 an active server is in another time zone than the pool's next hop", () => {
  it("reports the pool's time zone that its active servers take, naming them and the next hop's zone", () => {
    const text = contoso({ frontEnd: PACIFIC, pool: EASTERN });
    assert.deepEqual(codesOf(text), ['PC217']);
    const findings = findingsOf(text, 'PC217');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), EASTERN);
    assert.match(finding.message, /Persistent Chat pool 'pchat'/);
    assert.match(finding.message, /pc01\.corp\.contoso\.com, pc02\.corp\.contoso\.com/);
    assert.match(finding.message, /'Eastern Standard Time'/);
    assert.match(finding.message, /Front End pool 'fe' is in 'Pacific Standard Time'/);
    assert.deepEqual(
      finding.related.map((r) => textAt(text, r)),
      [PACIFIC, 'pc01.corp.contoso.com', 'pc02.corp.contoso.com'],
    );
    assert.deepEqual(finding.fixes, []);
  });

  it("reports a server's own time zone on its value", () => {
    const text = contoso({ frontEnd: PACIFIC, pool: PACIFIC, pc02: EASTERN });
    assert.deepEqual(codesOf(text), ['PC217']);
    const [finding] = findingsOf(text, 'PC217');
    assert.equal(textAt(text, finding), EASTERN);
    assert.equal(finding.range.start.line, text.split('\n').indexOf(`        timeZone: ${EASTERN}`));
    assert.match(finding.message, /Active server 'pc02\.corp\.contoso\.com' of Persistent Chat pool 'pchat' is in time zone 'Eastern Standard Time'/);
  });

  it("names only the servers that take the pool's zone", () => {
    const text = contoso({ frontEnd: PACIFIC, pool: EASTERN, pc01: 'America/Los_Angeles' });
    const [finding] = findingsOf(text, 'PC217');
    assert.equal(findingsOf(text, 'PC217').length, 1);
    assert.match(finding.message, /active servers pc02\.corp\.contoso\.com in/);
  });

  it('takes a Windows name and its IANA equivalents, aliases and letter case for the same zone', () => {
    for (const zone of ['America/Los_Angeles', 'america/los_angeles', 'US/Pacific', 'America/Vancouver', 'PACIFIC STANDARD TIME']) {
      assert.deepEqual(codesOf(contoso({ frontEnd: PACIFIC, pool: zone })), [], zone);
    }
    assert.deepEqual(codesOf(contoso({ frontEnd: 'Europe/Berlin', pool: 'W. Europe Standard Time', pc02: 'Europe/Amsterdam' })), []);
  });

  it('tells zones with the same offset apart when Windows does', () => {
    const text = contoso({ frontEnd: 'W. Europe Standard Time', pool: 'Central European Standard Time' });
    assert.deepEqual(codesOf(text), ['PC217']);
  });

  it('compares names it does not know by equality only', () => {
    assert.deepEqual(codesOf(contoso({ frontEnd: 'Contoso HQ Time', pool: 'contoso hq time' })), []);
    assert.deepEqual(codesOf(contoso({ frontEnd: 'Contoso HQ Time', pool: PACIFIC })), ['PC217']);
  });

  it('does not judge a standby server', () => {
    assert.deepEqual(codesOf(contoso({ frontEnd: PACIFIC, pool: PACIFIC, pc02: EASTERN }, '        state: standby\n')), []);
  });

  it("is silent when every active server overrides the pool's zone with the right one", () => {
    assert.deepEqual(codesOf(contoso({ frontEnd: PACIFIC, pool: EASTERN, pc01: PACIFIC, pc02: 'America/Los_Angeles' })), []);
  });

  it('is judged only where both sides name a time zone', () => {
    assert.deepEqual(codesOf(contoso({ pool: EASTERN })), []);
    assert.deepEqual(codesOf(contoso({ frontEnd: PACIFIC })), []);
  });

  it('does not judge a next hop withheld for a schema fault', () => {
    const text = changes(contoso({ frontEnd: PACIFIC, pool: EASTERN }), [['    edition: enterprise\n    fqdn: pool01', '    edition: enterprize\n    fqdn: pool01']]);
    assert.ok(!codesOf(text).includes('PC217'));
  });
});
