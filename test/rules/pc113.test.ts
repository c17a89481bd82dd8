import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';

type DataCenters = Partial<Record<'pc' | 'pcMirror' | 'dr' | 'drMirror' | 'comp' | 'compMirror', string>>;

const dc = (name: string | undefined) => (name === undefined ? '' : `    dataCenter: ${name}\n`);

/** Contoso's stretched pool (the ee-multiple-server example) with the data centers of its SQL stores given by the caller. */
const contoso = (centers: DataCenters = {}) => {
  const c = { pc: 'seattle', pcMirror: 'seattle', dr: 'portland', drMirror: 'portland', ...centers };
  return `# Contoso: stretched Persistent Chat pool, Seattle and Portland
topology: Contoso production
domain: corp.contoso.com
globalCatalog: gc01.contoso.com

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
${dc(c.pc)}  - id: sql-pc-mirror
    fqdn: sqlpc02.corp.contoso.com
    instance: PCHAT
    edition: enterprise
    site: redmond
${dc(c.pcMirror)}  - id: sql-pc-dr
    fqdn: sqlpc11.corp.contoso.com
    instance: PCHAT
    edition: enterprise
    site: redmond
${dc(c.dr)}  - id: sql-pc-dr-mirror
    fqdn: sqlpc12.corp.contoso.com
    instance: PCHAT
    edition: enterprise
    site: redmond
${dc(c.drMirror)}  - id: sql-comp
    fqdn: sqlcomp01.corp.contoso.com
    instance: PCHATCOMP
    edition: enterprise
    site: redmond
${dc(c.comp)}  - id: sql-comp-mirror
    fqdn: sqlcomp02.corp.contoso.com
    instance: PCHATCOMP
    edition: enterprise
    site: redmond
${dc(c.compMirror)}
frontEndPools:
  - id: fe-redmond
    edition: enterprise
    fqdn: pool01.corp.contoso.com
    site: redmond
    servers: [fe01.corp.contoso.com, fe02.corp.contoso.com]
    backEnd: sql-be

persistentChatPools:
  - id: pchat
    fqdn: pchat.corp.contoso.com
    site: redmond
    deployment: multiple-server
    nextHop: fe-redmond
    servers:
      - fqdn: pc01.corp.contoso.com
        dataCenter: seattle
      - fqdn: pc05.corp.contoso.com
        state: standby
        dataCenter: portland
    database:
      store: sql-pc
      mirror: sql-pc-mirror          # synchronous mirror
      backup: sql-pc-dr              # log shipping to Portland
      backupMirror: sql-pc-dr-mirror
    compliance:
      enabled: true
      store: sql-comp
      mirror: sql-comp-mirror
`;
};

describe('PC113 a mirror is in another data center than the copy it mirrors', () => {
  it('warns on the mirror value, naming the pool and both data centers', () => {
    const text = contoso({ pcMirror: 'portland' });
    assert.deepEqual(codesOf(text), ['PC113']);
    const findings = findingsOf(text, 'PC113');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding), 'sql-pc-mirror');
    assert.match(finding.message, /mirror of the Persistent Chat database/);
    assert.match(finding.message, /'pchat'/);
    assert.match(finding.message, /'portland'/);
    assert.match(finding.message, /'seattle'/);
    assert.equal(textAt(text, finding.related[0]), 'sql-pc');
    assert.deepEqual(finding.fixes, []);
  });

  it('warns on a backup mirror in another data center than the backup', () => {
    const text = contoso({ drMirror: 'seattle' });
    assert.deepEqual(codesOf(text), ['PC113']);
    const [finding] = findingsOf(text, 'PC113');
    assert.equal(textAt(text, finding), 'sql-pc-dr-mirror');
    assert.match(finding.message, /backup mirror/);
    assert.match(finding.message, /'seattle'.*'portland'/);
    assert.equal(textAt(text, finding.related[0]), 'sql-pc-dr');
  });

  it('warns on the mirror of the compliance database', () => {
    const text = contoso({ comp: 'seattle', compMirror: 'portland' });
    assert.deepEqual(codesOf(text), ['PC113']);
    const [finding] = findingsOf(text, 'PC113');
    assert.equal(textAt(text, finding), 'sql-comp-mirror');
    assert.match(finding.message, /compliance database/);
  });

  it('accepts the valid stretched pool', () => {
    assert.deepEqual(codesOf(contoso()), []);
  });

  it('compares data centers without regard to letter case', () => {
    assert.deepEqual(codesOf(contoso({ pcMirror: 'Seattle', drMirror: 'PORTLAND' })), []);
  });

  it('does not judge when one side names no data center', () => {
    assert.deepEqual(codesOf(contoso({ comp: 'seattle' })), []);
    assert.deepEqual(codesOf(contoso({ pc: undefined, pcMirror: 'portland' })), []);
  });

  it('does not judge a data center the schema rejected', () => {
    assert.deepEqual(codesOf(contoso({ pcMirror: '""' })), ['PC002']);
  });
});
