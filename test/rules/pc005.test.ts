import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codesOf, findingsOf, newErrors, readExample, textAt, unchangedOutside } from '../helpers';
import type { Finding, QuickFix } from '../../server/src/service/types';

/** A valid Enterprise Edition topology; each case points one reference at the wrong kind of entity. */
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
    backEnd: sql-be
    fileStore: fs

persistentChatPools:
  - id: pchat
    fqdn: pchat.corp.contoso.com
    site: redmond
    deployment: multiple-server
    nextHop: fe     # the Enterprise Edition pool
    servers:
      - fqdn: pc01.corp.contoso.com
      - fqdn: pc02.corp.contoso.com
    database:
      store: sql-pc   # mgc
    fileStore: fs
`;

const COMMENTS = ['# Contoso: one Enterprise Edition pool', '# the Enterprise Edition pool', '# mgc'];

/** `text` with `from` (which must occur exactly once) replaced by `to`. */
function change(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `the fixture must contain ${JSON.stringify(from)} exactly once`);
  return text.replace(from, () => to);
}

const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);

function onlyFinding(text: string): Finding {
  assert.deepEqual(codesOf(text), ['PC005']);
  const findings = findingsOf(text, 'PC005');
  assert.equal(findings.length, 1, findings.map((f) => f.message).join(' | '));
  assert.equal(findings[0].severity, 'error');
  return findings[0];
}

function checkFix(before: string, fix: QuickFix): string {
  const after = applyFix(before, fix);
  assert.deepEqual(findingsOf(after, 'PC005'), []);
  assert.deepEqual(newErrors(before, after), []);
  assert.ok(unchangedOutside(before, after, fix), 'the fix changed lines it does not touch');
  for (const comment of COMMENTS) assert.ok(after.includes(comment), `comment lost: ${comment}`);
  return after;
}

describe('PC005 reference to the wrong kind of entity', () => {
  it('the unchanged fixture raises nothing', () => {
    assert.deepEqual(codesOf(CONTOSO), []);
  });

  it('a nextHop naming a SQL store: says what a next hop must be, relates to the store, and offers the Front End pool', () => {
    const text = change(CONTOSO, 'nextHop: fe ', 'nextHop: sql-pc');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-pc');
    assert.equal(
      finding.message,
      "'nextHop' of Persistent Chat pool 'pchat' names SQL store 'sql-pc'; it must name a Front End pool (an Enterprise Edition pool or a Standard Edition server).",
    );
    assert.equal(finding.related.length, 1);
    assert.equal(finding.related[0].range.start.line, lineOf(text, '  - id: sql-pc'));
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.isPreferred, f.safe]),
      [["Change to 'fe'", true, false]],
    );
    assert.equal(checkFix(text, finding.fixes[0]), change(CONTOSO, 'nextHop: fe ', 'nextHop: fe'));
  });

  it('a nextHop naming a Persistent Chat pool (itself)', () => {
    const text = change(CONTOSO, 'nextHop: fe ', 'nextHop: pchat');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'pchat');
    assert.match(finding.message, /names Persistent Chat pool 'pchat'; it must name a Front End pool/);
    checkFix(text, finding.fixes[0]);
  });

  it('a database store naming a file store: every fix names a SQL store and leaves no new error', () => {
    const text = change(CONTOSO, 'store: sql-pc ', 'store: fs');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'fs');
    assert.match(finding.message, /'store' of Persistent Chat pool 'pchat' names file store 'fs'; it must name a SQL store/);
    assert.deepEqual(finding.fixes.map((f) => f.title).sort(), ["Change to 'sql-be'", "Change to 'sql-pc'"]);
    assert.equal(finding.fixes.filter((f) => f.isPreferred).length, 1);
    for (const fix of finding.fixes) checkFix(text, fix);
  });

  it('flow style: a site naming a SQL store inside braces', () => {
    const text = change(
      CONTOSO,
      '  - id: fs\n    fqdn: fs01.corp.contoso.com\n    share: lyncshare\n    site: redmond\n',
      '  - {id: fs, fqdn: fs01.corp.contoso.com, share: lyncshare, site: sql-be}   # file share\n',
    );
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-be');
    assert.match(finding.message, /'site' of file store 'fs' names SQL store 'sql-be'; it must name a site/);
    assert.equal(finding.fixes[0].title, "Change to 'redmond'");
    assert.equal(finding.fixes[0].isPreferred, true);
    const after = checkFix(text, finding.fixes[0]);
    assert.ok(after.includes('  - {id: fs, fqdn: fs01.corp.contoso.com, share: lyncshare, site: redmond}   # file share\n'));
  });

  it('near miss: a Standard Edition server is a valid next hop', () => {
    assert.deepEqual(findingsOf(readExample('se-next-hop.topology.yaml'), 'PC005'), []);
  });

  it('near miss: an id that names nothing is PC004, not PC005', () => {
    const text = change(CONTOSO, 'nextHop: fe ', 'nextHop: fe9');
    assert.deepEqual(codesOf(text), ['PC004']);
  });
});
