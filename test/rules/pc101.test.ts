import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, readExample, textAt } from '../helpers';
import { CONTOSO_EE, changes, assertFixWorks as fixWorks, soleFinding, change, lineOf } from './fixtures';
import type { Finding, QuickFix } from '../../server/src/service/types';

/** A valid Enterprise Edition topology; each case puts a Persistent Chat server on a Front End server. */
const CONTOSO = changes(CONTOSO_EE, [
  ['      - fqdn: pc01.corp.contoso.com\n', '      - fqdn: pc01.corp.contoso.com   # rack A\n'],
  ['      - fqdn: pc02.corp.contoso.com\n', '      - fqdn: pc02.corp.contoso.com   # rack B\n'],
]);

const COMMENTS = ['# Contoso: one Enterprise Edition pool', '# rack A', '# rack B'];

function onlyFinding(text: string, codes = ['PC101']): Finding {
  return soleFinding(text, 'PC101', 'error', codes);
}

function checkFix(before: string, fix: QuickFix, comments = COMMENTS): string {
  return fixWorks(before, fix, 'PC101', { comments });
}

describe('PC101 Persistent Chat server on an Enterprise Edition Front End server', () => {
  it('the unchanged fixture raises nothing', () => {
    assert.deepEqual(codesOf(CONTOSO), []);
  });

  it('a server that is a Front End server (in other capitals): names server, pool and Front End pool; fix uses a new dedicated name', () => {
    const text = change(CONTOSO, 'fqdn: pc02.corp.contoso.com', 'fqdn: FE02.corp.contoso.com');
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'FE02.corp.contoso.com');
    assert.equal(
      finding.message,
      "Server 'FE02.corp.contoso.com' of Persistent Chat pool 'pchat' is a Front End server of Enterprise Edition pool 'fe'; Persistent Chat Server cannot be collocated on an Enterprise Edition server.",
    );
    assert.equal(finding.related.length, 1);
    assert.equal(finding.related[0].range.start.line, lineOf(text, '      - fe02.corp.contoso.com'));
    assert.equal(finding.fixes.length, 1);
    const [fix] = finding.fixes;
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.safe, false, 'an invented server name is not safe to apply unasked');
    const dedicated = /'([^']+)'$/.exec(fix.title)![1];
    assert.equal(fix.title, `Use a dedicated server '${dedicated}'`);
    assert.match(dedicated, /\.corp\.contoso\.com$/, 'the new server is in the AD DS domain');
    assert.ok(!text.toLowerCase().includes(dedicated.toLowerCase()), 'the new name is not used anywhere yet');
    const after = checkFix(text, fix);
    assert.ok(after.includes(`      - fqdn: ${dedicated}   # rack B\n`));
    assert.deepEqual(codesOf(after), []);
  });

  it('flow style: a server inside { } in a [ ] list', () => {
    const text = change(
      CONTOSO,
      '      - fqdn: pc01.corp.contoso.com   # rack A\n      - fqdn: pc02.corp.contoso.com   # rack B\n',
      '      [{fqdn: pc01.corp.contoso.com}, {fqdn: fe01.corp.contoso.com, state: active}]   # rack A, rack B\n',
    );
    const finding = onlyFinding(text);
    assert.equal(textAt(text, finding), 'fe01.corp.contoso.com');
    assert.match(finding.message, /Server 'fe01\.corp\.contoso\.com' of Persistent Chat pool 'pchat' is a Front End server of Enterprise Edition pool 'fe'/);
    const after = checkFix(text, finding.fixes[0], ['# rack A, rack B']);
    assert.match(after, /\[\{fqdn: pc01\.corp\.contoso\.com\}, \{fqdn: [a-z0-9-]+\.corp\.contoso\.com, state: active\}\] {3}# rack A, rack B\n/);
    assert.deepEqual(codesOf(after), []);
  });

  it('a single-server pool on a Front End server (pool FQDN = server FQDN): the fix leaves no new error', () => {
    const example = readExample('ee-single-server.topology.yaml');
    let text = change(example, '    fqdn: pc01.corp.fabrikam.com\n', '    fqdn: fe01.corp.fabrikam.com\n');
    text = change(text, '      - fqdn: pc01.corp.fabrikam.com\n', '      - fqdn: fe01.corp.fabrikam.com\n');
    const finding = onlyFinding(text, ['PC101', 'PC202']);
    assert.equal(textAt(text, finding), 'fe01.corp.fabrikam.com');
    assert.equal(finding.range.start.line, lineOf(text, '      - fqdn: fe01.corp.fabrikam.com'));
    assert.equal(finding.fixes.length, 1);
    checkFix(text, finding.fixes[0], []);
  });

  it('near miss: Persistent Chat on its Standard Edition server is supported collocation', () => {
    assert.deepEqual(findingsOf(readExample('se-sql-express.topology.yaml'), 'PC101'), []);
  });

  it('near miss: a Persistent Chat server named like a Front End server in another domain', () => {
    const text = change(CONTOSO, 'fqdn: pc02.corp.contoso.com', 'fqdn: fe02.corp.contoso.net');
    assert.deepEqual(findingsOf(text, 'PC101'), []);
  });

  it('near miss: a server FQDN that fails the schema is PC002 only', () => {
    const text = change(CONTOSO, 'fqdn: pc02.corp.contoso.com', 'fqdn: fe02.corp.contoso.com.');
    assert.deepEqual(codesOf(text), ['PC002']);
  });
});
