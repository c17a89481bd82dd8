import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';

/**
 * Margie's Travel: one Enterprise Edition pool and a Persistent Chat pool (its files on the file store fs) whose
 * database (and copies) sit on the stores the caller names. sql-ag is in an AlwaysOn availability group; sql-pc1 and
 * sql-pc2 are plain instances.
 */
const margie = ({ database = '      store: sql-ag', compliance = '', agFlag = '    alwaysOn: true   # joined the AG in 2016' } = {}) => `# Margie's Travel
topology: Margie's Travel
domain: corp.margiestravel.com
sites:
  - id: hq
sqlStores:
  - id: sql-be
    fqdn: sqlbe.corp.margiestravel.com
    instance: RTC
    edition: enterprise
    site: hq
  - id: sql-ag
    fqdn: sqlag.corp.margiestravel.com
    instance: PCHAT
    edition: enterprise
    site: hq
${agFlag}
  - id: sql-pc1
    fqdn: sqlpc1.corp.margiestravel.com
    instance: PCHAT
    edition: enterprise
    site: hq
  - id: sql-pc2
    fqdn: sqlpc2.corp.margiestravel.com
    instance: PCHAT
    edition: enterprise
    site: hq
fileStores:
  - id: fs
    fqdn: fs01.corp.margiestravel.com
    share: lync
    site: hq
frontEndPools:
  - id: fe-hq
    edition: enterprise
    fqdn: pool-hq.corp.margiestravel.com
    site: hq
    servers: [fe01.corp.margiestravel.com, fe02.corp.margiestravel.com]
    backEnd: sql-be
persistentChatPools:
  - id: pchat
    fqdn: pchat.corp.margiestravel.com
    site: hq
    deployment: multiple-server
    nextHop: fe-hq
    fileStore: fs
    servers:
      - fqdn: pc01.corp.margiestravel.com
      - fqdn: pc02.corp.margiestravel.com
    database:
${database}
${compliance}`;

describe('PC112 a Persistent Chat or compliance database is on an AlwaysOn store', () => {
  it('reports the Persistent Chat database on the store value, naming the pool and the store', () => {
    const text = margie();
    assert.deepEqual(codesOf(text), ['PC112']);
    const findings = findingsOf(text, 'PC112');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'sql-ag');
    assert.match(finding.message, /Persistent Chat database/);
    assert.match(finding.message, /'pchat'/);
    assert.match(finding.message, /'sql-ag'/);
    assert.match(finding.message, /AlwaysOn/);
    assert.equal(textAt(text, finding.related[0]), 'true');
    assert.deepEqual(finding.fixes, []);
  });

  it('reports a mirror on an AlwaysOn store, saying it is the mirror', () => {
    const text = margie({ database: '      store: sql-pc1\n      mirror: sql-ag' });
    assert.deepEqual(codesOf(text), ['PC112']);
    const [finding] = findingsOf(text, 'PC112');
    assert.equal(textAt(text, finding), 'sql-ag');
    assert.match(finding.message, /\(mirror\)/);
  });

  it('reports a log-shipping backup on an AlwaysOn store', () => {
    const text = margie({ database: '      store: sql-pc1\n      backup: sql-ag' });
    assert.deepEqual(codesOf(text), ['PC112']);
    const [finding] = findingsOf(text, 'PC112');
    assert.equal(textAt(text, finding), 'sql-ag');
    assert.match(finding.message, /log-shipping backup/);
  });

  it('reports an enabled compliance database on an AlwaysOn store', () => {
    const text = margie({ database: '      store: sql-pc1', compliance: '    compliance: {enabled: true, store: sql-ag}\n' });
    assert.deepEqual(codesOf(text), ['PC112']);
    const [finding] = findingsOf(text, 'PC112');
    assert.equal(textAt(text, finding), 'sql-ag');
    assert.match(finding.message, /compliance database/);
    assert.match(finding.message, /'pchat'/);
  });

  it('does not report a disabled compliance store on an AlwaysOn store (PC108 says it is ignored)', () => {
    const text = margie({ database: '      store: sql-pc1', compliance: '    compliance: {enabled: false, store: sql-ag}\n' });
    assert.deepEqual(codesOf(text), ['PC108']);
  });

  it('accepts the same store with alwaysOn: false', () => {
    assert.deepEqual(codesOf(margie({ agFlag: '    alwaysOn: false' })), []);
  });

  it('is silent about a Front End back end in an availability group (not a Persistent Chat database)', () => {
    const text = margie({ database: '      store: sql-pc1' }).replace('    instance: RTC\n    edition: enterprise\n    site: hq\n', '    instance: RTC\n    edition: enterprise\n    site: hq\n    alwaysOn: true\n');
    assert.ok(!codesOf(text).includes('PC112'));
  });

  it('does not judge an alwaysOn value the schema rejected', () => {
    assert.deepEqual(codesOf(margie({ agFlag: '    alwaysOn: "yes"' })), ['PC002']);
  });
});
