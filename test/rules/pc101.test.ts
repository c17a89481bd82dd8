import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codesOf, findingsOf, newErrors, readExample, textAt, unchangedOutside } from '../helpers';
import type { Finding, QuickFix } from '../../server/src/service/types';

/** A valid Enterprise Edition topology; each case puts a Persistent Chat server on a Front End server. */
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
    nextHop: fe
    servers:
      - fqdn: pc01.corp.contoso.com   # rack A
      - fqdn: pc02.corp.contoso.com   # rack B
    database:
      store: sql-pc
    fileStore: fs
`;

const COMMENTS = ['# Contoso: one Enterprise Edition pool', '# rack A', '# rack B'];

/** `text` with `from` (which must occur exactly once) replaced by `to`. */
function change(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `the fixture must contain ${JSON.stringify(from)} exactly once`);
  return text.replace(from, () => to);
}

const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);

function onlyFinding(text: string, codes = ['PC101']): Finding {
  assert.deepEqual(codesOf(text), codes);
  const findings = findingsOf(text, 'PC101');
  assert.equal(findings.length, 1, findings.map((f) => f.message).join(' | '));
  assert.equal(findings[0].severity, 'error');
  return findings[0];
}

function checkFix(before: string, fix: QuickFix, comments = COMMENTS): string {
  const after = applyFix(before, fix);
  assert.deepEqual(findingsOf(after, 'PC101'), []);
  assert.deepEqual(
    newErrors(before, after).map((f) => `${f.code} ${f.message}`),
    [],
  );
  assert.ok(unchangedOutside(before, after, fix), 'the fix changed lines it does not touch');
  for (const comment of comments) assert.ok(after.includes(comment), `comment lost: ${comment}`);
  return after;
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
