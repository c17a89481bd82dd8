import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, readExample, textAt } from '../helpers';
import { soleFinding, change, changes, lineOf, NORTHWIND as BASE, northwindSql, withNorthwindSql } from './fixtures';
import type { Finding } from '../../server/src/service/types';

/**
 * Northwind (the se-next-hop example) with a mirror store, a compliance map that is off, and its file share fs (which
 * the base already defines and its Persistent Chat pool already uses) used by the Standard Edition server too.
 */
const NORTHWIND = changes(withNorthwindSql(BASE, northwindSql('sql-pchat-mirror', 'sql02', 'PCHAT')), [
  ['# Northwind branch office\n', '# Northwind branch: SE server as next hop, Persistent Chat on its own server\n'],
  ['    backEnd: se-express\n', '    backEnd: se-express\n    fileStore: fs\n'],
  ['    nextHop: se\n', '    nextHop: se\n    concurrentUsers: 5000\n'],
  ['      store: sql-pchat\n', '      store: sql-pchat\n    compliance:\n      enabled: false\n'],
]);

/** The one PC102 finding `text` raises, among exactly the rule ids `codes`. */
function onlyFinding(text: string, codes = ['PC102']): Finding {
  const finding = soleFinding(text, 'PC102', 'error', codes);
  assert.deepEqual(finding.fixes, [], 'the catalog offers no quick fix for PC102');
  return finding;
}

describe('PC102 database on a SQL Server Express that is not the local one', () => {
  it('the unchanged fixture raises nothing', () => {
    assert.deepEqual(codesOf(NORTHWIND), []);
  });

  it("the Persistent Chat database on the Standard Edition server's Express while the pool runs elsewhere", () => {
    const text = change(NORTHWIND, '      store: sql-pchat\n', '      store: se-express\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'se-express');
    assert.equal(finding.range.start.line, lineOf(text, '      store: se-express'));
    assert.match(finding.message, /Persistent Chat database/);
    assert.match(finding.message, /Persistent Chat pool 'pchat'/);
    assert.match(finding.message, /SQL store 'se-express'/);
    assert.match(finding.message, /se01\.corp\.northwind\.com/);
    assert.match(finding.message, /SQL Server Express/);
    assert.equal(finding.related.length, 1);
    assert.equal(finding.related[0].range.start.line, lineOf(text, '  - id: se-express'));
  });

  it('the compliance database on a remote Express', () => {
    const text = change(NORTHWIND, '    compliance:\n      enabled: false\n', '    compliance:\n      enabled: true\n      store: se-express   # the SE server\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'se-express');
    assert.match(finding.message, /^The compliance database \(primary\) of Persistent Chat pool 'pchat' is on SQL store 'se-express'/);
  });

  it('a mirror of the Persistent Chat database on a remote Express', () => {
    const text = change(NORTHWIND, '      store: sql-pchat\n', '      store: sql-pchat\n      mirror: se-express\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'se-express');
    assert.match(finding.message, /Persistent Chat database \(mirror\)/);
  });

  it('flow style: the database map written in braces', () => {
    const text = change(NORTHWIND, '    database:\n      store: sql-pchat\n', '    database: {store: se-express, mirror: sql-pchat-mirror}\n');
    // A database on SQL Server Express has no mirror (PC120): a second, separate fault of this descriptor, on the mirror.
    const finding = onlyFinding(text, ['PC102', 'PC120']);
    assert.deepEqual(
      findingsOf(text, 'PC120').map((f) => textAt(text, f)),
      ['mirror: sql-pchat-mirror'],
    );
    assert.equal(textAt(text, finding), 'se-express');
    assert.equal(finding.range.start.line, lineOf(text, '    database: {store: se-express, mirror: sql-pchat-mirror}'));
  });

  it('near miss: Persistent Chat collocated on the Standard Edition server uses its local Express', () => {
    assert.deepEqual(findingsOf(readExample('se-sql-express.topology.yaml'), 'PC102'), []);
  });

  it('near miss: the collocated server written in other capitals is still the same computer', () => {
    const example = readExample('se-sql-express.topology.yaml');
    const text = change(example, '      - fqdn: lync01.litware.local\n', '      - fqdn: LYNC01.Litware.Local\n');
    assert.deepEqual(findingsOf(text, 'PC102'), []);
    assert.deepEqual(codesOf(text), codesOf(example));
  });

  it('near miss: a store that is not Express on the Standard Edition computer is not this rule', () => {
    const text = change(
      change(NORTHWIND, '      store: sql-pchat\n', '      store: se-sql\n'),
      '  - id: sql-pchat\n',
      '  - id: se-sql\n    fqdn: se01.corp.northwind.com\n    instance: PCHAT\n    edition: standard\n    site: chicago\n  - id: sql-pchat\n',
    );
    assert.deepEqual(findingsOf(text, 'PC102'), []);
  });
});
