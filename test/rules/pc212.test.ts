import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { adatum } from './fixtures';

const users = (n: number | string, comment = '') => `    concurrentUsers: ${n}${comment}\n`;

describe('PC212 the pools together plan more than 80,000 concurrent users', () => {
  it('reports two pools under the limit each whose total crosses it, on the last figure, naming total and limit', () => {
    const text = adatum(users(50000), users(40000, '   # west coast traders'));
    assert.deepEqual(codesOf(text), ['PC212']);
    const findings = findingsOf(text, 'PC212');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), '40000');
    assert.match(finding.message, /90,000 concurrent users/);
    assert.match(finding.message, /80,000/);
    assert.deepEqual(finding.related.map((r) => textAt(text, r)), ['50000']);
    assert.match(finding.related[0].message, /50,000.*'pchat-east'/);
    assert.deepEqual(finding.fixes, []);
  });

  it('names the pools it adds up in the message', () => {
    // The catalog: every message names the ids involved. The finding stands on one pool's figure only.
    const text = adatum(users(50000), users(40000));
    const [finding] = findingsOf(text, 'PC212');
    assert.match(finding.message, /'pchat-east'/);
    assert.match(finding.message, /'pchat-west'/);
  });

  it('reports flow-style pools', () => {
    const text = adatum('', '').replace(
      /persistentChatPools:\n[\s\S]*$/,
      `persistentChatPools: [
  {id: pchat-east, fqdn: pchat-e.corp.adatum.com, site: east, deployment: multiple-server, nextHop: fe, fileStore: fs-east, concurrentUsers: 60000, servers: [{fqdn: pce1.corp.adatum.com}, {fqdn: pce2.corp.adatum.com}, {fqdn: pce3.corp.adatum.com}], database: {store: sql-pc-east}},
  {id: pchat-west, fqdn: pchat-w.corp.adatum.com, site: west, deployment: multiple-server, nextHop: fe, fileStore: fs-west, concurrentUsers: 20001, servers: [{fqdn: pcw1.corp.adatum.com}, {fqdn: pcw2.corp.adatum.com}], database: {store: sql-pc-west}}
]
`,
    );
    assert.deepEqual(codesOf(text), ['PC212']);
    const [finding] = findingsOf(text, 'PC212');
    assert.equal(textAt(text, finding), '20001');
    assert.match(finding.message, /80,001/);
  });

  it('accepts pools that together plan exactly 80,000', () => {
    assert.deepEqual(codesOf(adatum(users(60000), users(20000))), []);
  });

  it('counts only the pools that give a figure', () => {
    assert.deepEqual(codesOf(adatum(users(80000), '')), []);
  });

  it('leaves a pool over 80,000 on its own to PC207', () => {
    assert.deepEqual(codesOf(adatum(users(85000), users(10000))), ['PC207']);
  });

  it('does not add in a figure the schema rejected', () => {
    assert.deepEqual(codesOf(adatum(users(70000), users('"20000"'))), ['PC002']);
  });
});
