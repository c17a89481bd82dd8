import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { soleFinding, change, changes, lineOf, CONTOSO_EE, contosoSql, withContosoSql } from './fixtures';
import type { Finding } from '../../server/src/service/types';

/**
 * A valid topology whose Persistent Chat database is mirrored and log-shipped, each copy on its own SQL Server
 * (no data centers named, so only the computer matters); each case moves one copy onto the computer it protects.
 */
const CONTOSO = changes(
  withContosoSql(
    CONTOSO_EE,
    contosoSql('sql-pc-mirror', 'sqlpc02', 'PCHATM') + contosoSql('sql-pc-dr', 'sqlpc11', 'PCHATDR') + contosoSql('sql-pc-dr-mirror', 'sqlpc12', 'PCHATDRM'),
  ),
  [
    ['one Enterprise Edition pool and a Persistent Chat pool', 'mirrored and log-shipped Persistent Chat database'],
    ['      - fe02.corp.contoso.com\n', ''],
    ['      - fqdn: pc02.corp.contoso.com\n', ''],
    ['      store: sql-pc\n', '      store: sql-pc\n      mirror: sql-pc-mirror\n      backup: sql-pc-dr\n      backupMirror: sql-pc-dr-mirror\n'],
  ],
);

/** Moves the store on computer `from` onto computer `fqdn`. */
const moveStore = (text: string, from: string, fqdn: string) => change(text, `    fqdn: ${from}\n`, `    fqdn: ${fqdn}\n`);

function onlyFinding(text: string): Finding {
  const finding = soleFinding(text, 'PC106', 'error');
  assert.deepEqual(finding.fixes, [], 'the catalog offers no quick fix for PC106');
  return finding;
}

describe('PC106 mirror or backup on the computer it protects', () => {
  it('the unchanged fixture raises nothing', () => {
    assert.deepEqual(codesOf(CONTOSO), []);
  });

  it('the mirror on the primary\'s computer (FQDN in other capitals): reported on the mirror, related to the primary', () => {
    const text = moveStore(CONTOSO, 'sqlpc02.corp.contoso.com', 'SQLPC01.Corp.Contoso.com');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-pc-mirror');
    assert.equal(finding.range.start.line, lineOf(text, '      mirror: sql-pc-mirror'));
    assert.match(finding.message, /^The mirror of the Persistent Chat database of Persistent Chat pool 'pchat' is on SQL Server 'SQLPC01\.Corp\.Contoso\.com', the same computer as its primary/);
    assert.equal(finding.related.length, 1);
    assert.equal(finding.related[0].range.start.line, lineOf(text, '      store: sql-pc'));
    assert.match(finding.related[0].message, /sql-pc/);
  });

  it('the mirror naming the primary store itself', () => {
    const text = change(CONTOSO, '      mirror: sql-pc-mirror\n', '      mirror: sql-pc\n');
    const finding = onlyFinding(text);
    assert.equal(finding.range.start.line, lineOf(text, '      mirror: sql-pc'));
    assert.equal(textAt(text, finding), 'sql-pc');
  });

  it("the log-shipping backup on the primary's computer", () => {
    const text = moveStore(CONTOSO, 'sqlpc11.corp.contoso.com', 'sqlpc01.corp.contoso.com');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-pc-dr');
    assert.match(finding.message, /log-shipping backup of the Persistent Chat database of Persistent Chat pool 'pchat'.*'sqlpc01\.corp\.contoso\.com'.*its primary/);
  });

  it("the backup mirror on the backup's computer", () => {
    const text = moveStore(CONTOSO, 'sqlpc12.corp.contoso.com', 'sqlpc11.corp.contoso.com');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-pc-dr-mirror');
    assert.match(finding.message, /backup mirror of the Persistent Chat database .*'sqlpc11\.corp\.contoso\.com', the same computer as its log-shipping backup/);
    assert.equal(finding.related[0].range.start.line, lineOf(text, '      backup: sql-pc-dr'));
  });

  it('the compliance database mirrored on its own computer, written in flow style', () => {
    let text = change(
      CONTOSO,
      '      backupMirror: sql-pc-dr-mirror\n',
      '      backupMirror: sql-pc-dr-mirror\n    compliance: {enabled: true, store: sql-comp, mirror: sql-comp-mirror}   # audit\n',
    );
    text = change(
      text,
      '\nfileStores:',
      '  - id: sql-comp\n    fqdn: sqlcomp01.corp.contoso.com\n    instance: COMP\n    site: redmond\n  - id: sql-comp-mirror\n    fqdn: SQLCOMP01.corp.contoso.com\n    instance: COMPM\n    site: redmond\n\nfileStores:',
    );
    const finding = onlyFinding(text);
    assert.match(finding.message, /^The mirror of the compliance database of Persistent Chat pool 'pchat' is on SQL Server 'SQLCOMP01\.corp\.contoso\.com'/);
    assert.equal(textAt(text, finding), 'sql-comp-mirror');
    assert.equal(finding.range.start.line, lineOf(text, '    compliance: {enabled: true, store: sql-comp, mirror: sql-comp-mirror}   # audit'));
    assert.equal(finding.related[0].range.start.line, finding.range.start.line);
  });

  it('near miss: every copy on another computer, even in the same instance name', () => {
    let text = change(CONTOSO, '    instance: PCHATM\n', '    instance: PCHAT\n');
    text = change(text, '    instance: PCHATDR\n', '    instance: PCHAT\n');
    assert.deepEqual(codesOf(text), []);
  });

  it("near miss: a mirror on the primary's computer for a disabled compliance database protects nothing", () => {
    let text = change(
      CONTOSO,
      '      backupMirror: sql-pc-dr-mirror\n',
      '      backupMirror: sql-pc-dr-mirror\n    compliance:\n      enabled: false\n      store: sql-comp\n      mirror: sql-comp-mirror\n',
    );
    text = change(
      text,
      '\nfileStores:',
      '  - id: sql-comp\n    fqdn: sqlcomp01.corp.contoso.com\n    instance: COMP\n    site: redmond\n  - id: sql-comp-mirror\n    fqdn: sqlcomp01.corp.contoso.com\n    instance: COMPM\n    site: redmond\n\nfileStores:',
    );
    assert.deepEqual(findingsOf(text, 'PC106'), []);
  });
});
