import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { woodgrove as woodgrovePool } from './fixtures';

/** Woodgrove, a stretched pool across two data centers, with `active` + `standby` servers. */
const woodgrove = (active: number, standby: number, style: 'block' | 'flow' = 'block') => {
  const servers = [
    ...Array.from({ length: active }, (_, i) => ({ fqdn: `pc${i + 1}.corp.woodgrove.com`, state: '' })),
    ...Array.from({ length: standby }, (_, i) => ({ fqdn: `sb${i + 1}.corp.woodgrove.com`, state: 'standby' })),
  ];
  const list =
    style === 'block'
      ? `    servers:   # NY active, NJ standby\n${servers.map((s) => `      - fqdn: ${s.fqdn}\n${s.state ? `        state: ${s.state}\n` : ''}`).join('')}`
      : `    servers: [${servers.map((s) => `{fqdn: ${s.fqdn}${s.state ? `, state: ${s.state}` : ''}}`).join(', ')}]\n`;
  return woodgrovePool({ pool: list });
};

describe('PC204 more than 4 standby servers or more than 8 servers', () => {
  it('reports 5 standby servers on the servers key, with the count and the limit', () => {
    const text = woodgrove(2, 5);
    assert.deepEqual(codesOf(text), ['PC204']);
    const findings = findingsOf(text, 'PC204');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'servers');
    assert.match(finding.message, /'pchat' has 5 standby servers/);
    assert.match(finding.message, /at most 4/);
    assert.deepEqual(finding.fixes, []);
  });

  it('reports 9 servers in all once, even when the standby servers are also too many', () => {
    const text = woodgrove(4, 5);
    assert.deepEqual(codesOf(text), ['PC204']);
    const findings = findingsOf(text, 'PC204');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /'pchat' has 9 servers/);
    assert.match(findings[0].message, /at most 8/);
  });

  it('reports a flow list', () => {
    const text = woodgrove(3, 6, 'flow');
    assert.deepEqual(codesOf(text), ['PC204']);
    const [finding] = findingsOf(text, 'PC204');
    assert.equal(textAt(text, finding), 'servers');
    assert.match(finding.message, /9 servers/);
  });

  it('accepts exactly 8 servers: 4 active and 4 standby', () => {
    assert.deepEqual(codesOf(woodgrove(4, 4)), []);
    assert.deepEqual(codesOf(woodgrove(4, 4, 'flow')), []);
  });

  it('accepts exactly 4 standby servers beside one active', () => {
    assert.deepEqual(codesOf(woodgrove(1, 4)), []);
  });

  it('leaves 5 active servers in a pool of 8 to PC203', () => {
    assert.deepEqual(codesOf(woodgrove(5, 3)), ['PC203']);
  });
});
