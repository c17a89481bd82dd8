import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import type { Finding } from '../../server/src/service/types';

/** A valid Enterprise Edition topology; each case adds one store or file store. */
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
  # spare stores go here

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
    nextHop: fe
    servers:
      - fqdn: pc01.corp.contoso.com
      - fqdn: pc02.corp.contoso.com
    database:
      store: sql-pc
    fileStore: fs
`;

/** `text` with `from` (which must occur exactly once) replaced by `to`. */
function change(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `the fixture must contain ${JSON.stringify(from)} exactly once`);
  return text.replace(from, () => to);
}

const withSpareStores = (stores: string) => change(CONTOSO, '  # spare stores go here\n', stores);

const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);

function onlyFinding(text: string): Finding {
  assert.deepEqual(codesOf(text), ['PC003']);
  const findings = findingsOf(text, 'PC003');
  assert.equal(findings.length, 1, findings.map((f) => f.message).join(' | '));
  assert.equal(findings[0].severity, 'error');
  assert.deepEqual(findings[0].fixes, [], 'the catalog offers no quick fix for PC003');
  return findings[0];
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
