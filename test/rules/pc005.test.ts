import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, readExample, textAt } from '../helpers';
import { CONTOSO_EE, changes, assertFixWorks as fixWorks, soleFinding, change, lineOf } from './fixtures';
import type { Finding, QuickFix } from '../../server/src/service/types';

/** A valid Enterprise Edition topology; each case points one reference at the wrong kind of entity. */
const CONTOSO = changes(CONTOSO_EE, [
  ['    nextHop: fe\n', '    nextHop: fe     # the Enterprise Edition pool\n'],
  ['      store: sql-pc\n', '      store: sql-pc   # mgc\n'],
]);

const COMMENTS = ['# Contoso: one Enterprise Edition pool', '# the Enterprise Edition pool', '# mgc'];

function onlyFinding(text: string): Finding {
  return soleFinding(text, 'PC005', 'error');
}

function checkFix(before: string, fix: QuickFix): string {
  return fixWorks(before, fix, 'PC005', { comments: COMMENTS });
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
