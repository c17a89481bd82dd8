import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, textAt } from '../helpers';
import { CONTOSO_EE, changes, soleFinding, change, lineOf } from './fixtures';
import type { Finding } from '../../server/src/service/types';

/** A valid Enterprise Edition topology; each case adds one store or file store. */
const CONTOSO = changes(CONTOSO_EE, [
  ['    instance: PCHAT\n    edition: enterprise\n    site: redmond\n', '    instance: PCHAT\n    edition: enterprise\n    site: redmond\n  # spare stores go here\n'],
]);

const withSpareStores = (stores: string) => change(CONTOSO, '  # spare stores go here\n', stores);

function onlyFinding(text: string): Finding {
  const finding = soleFinding(text, 'PC003', 'error');
  assert.deepEqual(finding.fixes, [], 'the catalog offers no quick fix for PC003');
  return finding;
}

describe('PC003 duplicate id or SQL Server instance', () => {
  it('the unchanged fixture raises nothing', () => {
    assert.deepEqual(codesOf(CONTOSO), []);
  });

  it('an id used twice in one section: reported on the second, related to the first', () => {
    const text = withSpareStores('  - id: sql-pc\n    fqdn: sqlpc09.corp.contoso.com\n    instance: SPARE\n    site: redmond\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-pc');
    assert.equal(finding.range.start.line, text.split('\n').lastIndexOf('  - id: sql-pc'));
    assert.match(finding.message, /'sql-pc'/);
    assert.match(finding.message, /SQL store/);
    assert.match(finding.message, /unique/);
    assert.equal(finding.related.length, 1);
    assert.equal(finding.related[0].range.start.line, lineOf(text, '  - id: sql-pc'));
    assert.equal(textAt(text, finding.related[0]), 'sql-pc');
  });

  it('an id used in two sections: the message names both kinds of entity', () => {
    const text = change(CONTOSO, '    share: lyncshare\n    site: redmond\n', '    share: lyncshare\n    site: redmond\n  - id: sql-be\n    fqdn: fs02.corp.contoso.com\n    share: archive\n    site: redmond\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sql-be');
    assert.match(finding.message, /file store 'sql-be'/);
    assert.match(finding.message, /SQL store 'sql-be'/);
    assert.equal(textAt(text, finding.related[0]), 'sql-be');
    assert.equal(finding.related[0].range.start.line, lineOf(text, '  - id: sql-be'));
  });

  it('two stores naming one instance, computer and instance compared case-insensitively: reported on the instance', () => {
    const text = withSpareStores('  - id: sql-pc-again\n    fqdn: SQLPC01.Corp.Contoso.com\n    instance: pchat\n    site: redmond\n');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'pchat');
    assert.match(finding.message, /SQL store 'sql-pc-again'/);
    assert.match(finding.message, /SQL store 'sql-pc'/);
    assert.match(finding.message, /SQLPC01\.Corp\.Contoso\.com/i);
    assert.equal(textAt(text, finding.related[0]), 'sql-pc');
  });

  it("an omitted instance is the default instance 'MSSQLSERVER'", () => {
    const text = withSpareStores(
      '  - id: sql-x1\n    fqdn: sqlx.corp.contoso.com\n    site: redmond\n  - id: sql-x2\n    fqdn: sqlx.corp.contoso.com\n    instance: MSSQLSERVER\n    site: redmond\n',
    );
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'MSSQLSERVER');
    assert.match(finding.message, /SQL store 'sql-x2'.*SQL store 'sql-x1'/);
  });

  it('two stores on the default instance of one computer, the second without instance: reported on its FQDN', () => {
    const text = withSpareStores(
      '  - id: sql-x1\n    fqdn: sqlx.corp.contoso.com\n    instance: MSSQLSERVER\n    site: redmond\n  - id: sql-x2\n    fqdn: sqlx.corp.contoso.com\n    site: redmond\n',
    );
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'sqlx.corp.contoso.com');
    assert.equal(finding.range.start.line, text.split('\n').lastIndexOf('    fqdn: sqlx.corp.contoso.com'));
    assert.match(finding.message, /default instance/);
  });

  it("'MSSQLSERVER' in any case is the default instance, as is an omitted instance", () => {
    const text = withSpareStores(
      '  - id: sql-x1\n    fqdn: sqlx.corp.contoso.com\n    instance: mssqlServer\n    site: redmond\n  - id: sql-x2\n    fqdn: SQLX.corp.contoso.com\n    site: redmond\n',
    );
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'SQLX.corp.contoso.com');
    assert.match(finding.message, /SQL store 'sql-x2'.*SQL store 'sql-x1'/);
    assert.equal(textAt(text, finding.related[0]), 'sql-x1');
  });

  it('near miss: another instance on the same computer, or the same instance name on another computer', () => {
    const text = withSpareStores(
      '  - id: sql-pc-2\n    fqdn: sqlpc01.corp.contoso.com\n    instance: PCHAT2\n    site: redmond\n  - id: sql-pc-b\n    fqdn: sqlpc02.corp.contoso.com\n    instance: PCHAT\n    site: redmond\n',
    );
    assert.deepEqual(codesOf(text), []);
  });

  it('near miss: an instance name that fails the schema is not compared again', () => {
    const text = withSpareStores('  - id: sql-pc-again\n    fqdn: sqlpc01.corp.contoso.com\n    instance: "PCHAT "\n    site: redmond\n');
    assert.deepEqual(codesOf(text), ['PC002']);
  });
});
