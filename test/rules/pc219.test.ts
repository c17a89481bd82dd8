import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { woodgrove } from './fixtures';

/** Woodgrove (one Persistent Chat pool, two active servers) with the planning lines the caller gives. */
const plan = (figures: string) =>
  woodgrove({ pool: `${figures}    servers:\n      - fqdn: pc1.corp.woodgrove.com\n      - fqdn: pc2.corp.woodgrove.com\n` });

describe('PC219 more access control entries or invitations than Microsoft advises', () => {
  it('warns on the access control entries value, with the figure and the limit', () => {
    const text = plan('    accessControlEntries: 2500000   # every trader listed by name\n');
    assert.deepEqual(codesOf(text), ['PC219']);
    const findings = findingsOf(text, 'PC219');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding), '2500000');
    assert.equal(finding.message, "Persistent Chat pool 'pchat' plans 2,500,000 access control entries; above 2,000,000 access control entries, Persistent Chat Server performance could degrade significantly.");
    assert.deepEqual(finding.fixes, []);
  });

  it('warns on the invitations value', () => {
    const text = plan('    invitations: 1160000\n');
    assert.deepEqual(codesOf(text), ['PC219']);
    const [finding] = findingsOf(text, 'PC219');
    assert.equal(textAt(text, finding), '1160000');
    assert.match(finding.message, /plans 1,160,000 invitations; above 1,000,000 invitations/);
  });

  it('reports each figure over its limit once', () => {
    const text = plan('    accessControlEntries: 3000000\n    invitations: 1000001\n');
    assert.deepEqual(findingsOf(text, 'PC219').map((f) => textAt(text, f)), ['3000000', '1000001']);
  });

  it('is silent at the limits themselves and below', () => {
    assert.deepEqual(codesOf(plan('    accessControlEntries: 2000000\n    invitations: 1000000\n')), []);
    assert.deepEqual(codesOf(plan('    accessControlEntries: 731088\n    invitations: 0\n')), []);
    assert.deepEqual(codesOf(plan('')), []);
  });

  it('does not judge a figure the schema rejected', () => {
    assert.deepEqual(codesOf(plan('    accessControlEntries: 2000000000\n')), ['PC002']);
    assert.deepEqual(codesOf(plan('    invitations: "2 million"\n')), ['PC002']);
  });
});
