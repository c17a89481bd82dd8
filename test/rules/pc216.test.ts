import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { contosoPorts as contoso } from './fixtures';

describe('PC216 the SIP port and the pool port are the same', () => {
  it('reports the pool port when both are written, naming the pool and the port', () => {
    const text = contoso('    sipPort: 6000   # load balancer VIP\n    poolPort: 6000');
    // Both ports are also not the defaults (PC211, information).
    assert.deepEqual(codesOf(text), ['PC211', 'PC216']);
    const findings = findingsOf(text, 'PC216');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), '6000');
    assert.equal(finding.range.start.line, text.split('\n').findIndex((l) => l.includes('poolPort')));
    assert.match(finding.message, /'pchat'/);
    assert.match(finding.message, /port 6000/);
    assert.deepEqual(finding.fixes, []);
  });

  it('compares a written SIP port with the default pool port 8011', () => {
    const text = contoso('    sipPort: 8011');
    assert.deepEqual(codesOf(text), ['PC211', 'PC216']);
    const [finding] = findingsOf(text, 'PC216');
    assert.equal(textAt(text, finding), '8011');
    assert.match(finding.message, /8011/);
  });

  it('compares a written pool port with the default SIP port 5041', () => {
    const text = contoso('    poolPort: 5041');
    assert.deepEqual(codesOf(text), ['PC211', 'PC216']);
    const [finding] = findingsOf(text, 'PC216');
    assert.equal(textAt(text, finding), '5041');
    assert.match(finding.message, /5041/);
  });

  it('reports a flow-style pool entry', () => {
    const text = contoso('').replace(
      /  - id: pchat\n[\s\S]*$/,
      '  - {id: pchat, fqdn: pchat.corp.contoso.com, site: redmond, deployment: multiple-server, nextHop: fe-redmond, sipPort: 7000, poolPort: 7000, servers: [{fqdn: pc01.corp.contoso.com}], database: {store: sql-pc}}\n',
    );
    assert.deepEqual(findingsOf(text, 'PC216').length, 1);
    assert.equal(textAt(text, findingsOf(text, 'PC216')[0]), '7000');
  });

  it('is silent for different ports, default or not', () => {
    assert.deepEqual(codesOf(contoso('    sipPort: 5041\n    poolPort: 8011')), []);
    assert.deepEqual(codesOf(contoso('    sipPort: 8011\n    poolPort: 5041')), ['PC211']);
    assert.deepEqual(codesOf(contoso('')), []);
  });

  it('can be reported alone when PC211 is turned off', () => {
    assert.deepEqual(codesOf(contoso('    sipPort: 6000\n    poolPort: 6000'), { rules: { PC211: 'off' } }), ['PC216']);
  });

  it('does not judge ports the schema rejected', () => {
    assert.deepEqual(codesOf(contoso('    sipPort: 70000\n    poolPort: 70000')), ['PC002']);
    assert.deepEqual(codesOf(contoso('    sipPort: "8011"')), ['PC002']);
  });
});
