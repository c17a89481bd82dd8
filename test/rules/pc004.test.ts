import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codesOf, findingsOf, newErrors, textAt, unchangedOutside } from '../helpers';
import type { Finding, QuickFix } from '../../server/src/service/types';

/** A valid Enterprise Edition topology; each case breaks one reference. */
const CONTOSO = `# Contoso: one Enterprise Edition pool and a Persistent Chat pool
topology: Contoso production
domain: corp.contoso.com

sites:
  - id: redmond

sqlStores:
  - id: sql-be
    fqdn: sqlbe01.corp.contoso.com
    instance: RTC
    edition: enterprise
    site: redmond
  - id: sql-pc
    fqdn: sqlpc01.corp.contoso.com
    instance: PCHAT
    edition: enterprise
    site: redmond

fileStores:
  - id: fs
    fqdn: fs01.corp.contoso.com
    share: lyncshare
    site: redmond

frontEndPools:
  - id: fe
    edition: enterprise
    fqdn: pool01.corp.contoso.com
    site: redmond
    servers:
      - fe01.corp.contoso.com
      - fe02.corp.contoso.com
    backEnd: sql-be   # the RTC instance
    fileStore: fs

persistentChatPools:
  - id: pchat
    fqdn: pchat.corp.contoso.com
    site: redmond   # logical Lync site
    deployment: multiple-server
    nextHop: fe     # the Enterprise Edition pool
    servers:
      - fqdn: pc01.corp.contoso.com
      - fqdn: pc02.corp.contoso.com
    database:
      store: sql-pc   # mgc
    fileStore: fs
`;

const COMMENTS = ['# Contoso: one Enterprise Edition pool', '# the RTC instance', '# logical Lync site', '# the Enterprise Edition pool', '# mgc'];

/** `text` with `from` (which must occur exactly once) replaced by `to`. */
function change(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `the fixture must contain ${JSON.stringify(from)} exactly once`);
  return text.replace(from, () => to);
}

function onlyFinding(text: string): Finding {
  assert.deepEqual(codesOf(text), ['PC004']);
  const findings = findingsOf(text, 'PC004');
  assert.equal(findings.length, 1, findings.map((f) => f.message).join(' | '));
  assert.equal(findings[0].severity, 'error');
  return findings[0];
}

function checkFix(before: string, fix: QuickFix): string {
  const after = applyFix(before, fix);
  assert.deepEqual(findingsOf(after, 'PC004'), []);
  assert.deepEqual(newErrors(before, after), []);
  assert.ok(unchangedOutside(before, after, fix), 'the fix changed lines it does not touch');
  for (const comment of COMMENTS) assert.ok(after.includes(comment), `comment lost: ${comment}`);
  return after;
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
