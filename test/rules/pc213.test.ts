import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { adatum as adatumPools } from './fixtures';

/** Adatum: one pool per coast, each database on its own instance, with the provisioned users the caller gives. */
const adatum = (east: string, west: string) => adatumPools(`    concurrentUsers: 30000\n${east}`, `    concurrentUsers: 30000\n${west}`, 2);

const provisioned = (n: number | string, comment = '') => `    provisionedUsers: ${n}${comment}\n`;

describe('PC213 the pools together plan more than 150,000 provisioned users', () => {
  it('reports two pools under the limit each whose total crosses it, on the last figure, naming total and limit', () => {
    const text = adatum(provisioned(90000), provisioned(70000, '   # after the acquisition'));
    assert.deepEqual(codesOf(text), ['PC213']);
    const findings = findingsOf(text, 'PC213');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), '70000');
    assert.match(finding.message, /160,000 provisioned users/);
    assert.match(finding.message, /150,000/);
    assert.deepEqual(finding.related.map((r) => textAt(text, r)), ['90000']);
    assert.match(finding.related[0].message, /90,000.*'pchat-east'/);
    assert.deepEqual(finding.fixes, []);
  });

  it('names the pools it adds up in the message', () => {
    // The catalog: every message names the ids involved. The finding stands on one pool's figure only.
    const text = adatum(provisioned(90000), provisioned(70000));
    const [finding] = findingsOf(text, 'PC213');
    assert.match(finding.message, /'pchat-east'/);
    assert.match(finding.message, /'pchat-west'/);
  });

  it('reports one pool alone over 150,000', () => {
    const text = adatum(provisioned(150001), '');
    assert.deepEqual(codesOf(text), ['PC213']);
    const [finding] = findingsOf(text, 'PC213');
    assert.equal(textAt(text, finding), '150001');
    assert.match(finding.message, /150,001/);
  });

  it('reports flow-style pools', () => {
    const text = adatum('', '').replace(
      /persistentChatPools:\n[\s\S]*$/,
      `persistentChatPools: [
  {id: pchat-east, fqdn: pchat-e.corp.adatum.com, site: east, deployment: multiple-server, nextHop: fe, fileStore: fs-east, provisionedUsers: 75000, servers: [{fqdn: pce1.corp.adatum.com}], database: {store: sql-pc-east}},
  {id: pchat-west, fqdn: pchat-w.corp.adatum.com, site: west, deployment: multiple-server, nextHop: fe, fileStore: fs-west, provisionedUsers: 75001, servers: [{fqdn: pcw1.corp.adatum.com}], database: {store: sql-pc-west}}
]
`,
    );
    assert.deepEqual(codesOf(text), ['PC213']);
    const [finding] = findingsOf(text, 'PC213');
    assert.equal(textAt(text, finding), '75001');
    assert.match(finding.message, /150,001/);
  });

  it('accepts pools that together provision exactly 150,000', () => {
    assert.deepEqual(codesOf(adatum(provisioned(90000), provisioned(60000))), []);
  });

  it('does not add in a figure the schema rejected', () => {
    assert.deepEqual(codesOf(adatum(provisioned(90000), provisioned(-70000))), ['PC002']);
  });
});
