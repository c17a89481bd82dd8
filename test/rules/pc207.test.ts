import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { woodgrove as woodgrovePool } from './fixtures';

/** Woodgrove with four active servers and the planned users the caller gives. */
const woodgrove = (concurrentUsers: string, servers = 4) =>
  woodgrovePool({
    pool: `    concurrentUsers: ${concurrentUsers}   # all traders at once\n    servers:\n${Array.from({ length: servers }, (_, i) => `      - fqdn: pc${i + 1}.corp.woodgrove.com\n`).join('')}`,
  });

describe('PC207 a pool plans more than 80,000 concurrent users', () => {
  it('reports the concurrentUsers value, with the figure and the limit', () => {
    const text = woodgrove('85000');
    assert.deepEqual(codesOf(text), ['PC207']);
    const findings = findingsOf(text, 'PC207');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), '85000');
    assert.match(finding.message, /'pchat'/);
    assert.match(finding.message, /85,000/);
    assert.match(finding.message, /80,000/);
    assert.deepEqual(finding.fixes, []);
  });

  it('reports one finding, not a capacity finding as well, when the active servers are few', () => {
    const text = woodgrove('90000', 2);
    assert.deepEqual(codesOf(text), ['PC207']);
    assert.equal(findingsOf(text, 'PC207').length, 1);
    assert.deepEqual(findingsOf(text, 'PC206'), []);
  });

  it('accepts exactly 80,000 with four active servers', () => {
    assert.deepEqual(codesOf(woodgrove('80000')), []);
  });

  it('does not judge a value above the schema maximum (PC002 only)', () => {
    assert.deepEqual(codesOf(woodgrove('20000000')), ['PC002']);
  });

  it('reports a pool written in flow style, and a figure written in scientific notation', () => {
    const text = woodgrove('0').replace(
      /  - id: pchat\n[\s\S]*$/,
      '  - {id: pchat, fqdn: pchat.corp.woodgrove.com, site: ny, deployment: multiple-server, nextHop: fe, fileStore: fs, concurrentUsers: 8.5e4, servers: [{fqdn: pc1.corp.woodgrove.com}, {fqdn: pc2.corp.woodgrove.com}, {fqdn: pc3.corp.woodgrove.com}, {fqdn: pc4.corp.woodgrove.com}], database: {store: sql-pc}}\n',
    );
    assert.deepEqual(codesOf(text), ['PC207']);
    const [finding] = findingsOf(text, 'PC207');
    assert.equal(textAt(text, finding), '8.5e4');
    assert.match(finding.message, /85,000/);
  });
});
