import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { contosoStretched as contoso } from './fixtures';

describe('PC113 a mirror is in another data center than the copy it mirrors', () => {
  it('an error on the mirror value, naming the pool and both data centers', () => {
    const text = contoso({ pcMirror: 'portland' });
    assert.deepEqual(codesOf(text), ['PC113']);
    const findings = findingsOf(text, 'PC113');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'sql-pc-mirror');
    assert.match(finding.message, /mirror of the Persistent Chat database/);
    assert.match(finding.message, /'pchat'/);
    assert.match(finding.message, /'portland'/);
    assert.match(finding.message, /'seattle'/);
    assert.match(finding.message, /a mirror must be in the same data center\.$/);
    assert.equal(textAt(text, finding.related[0]), 'sql-pc');
    assert.deepEqual(finding.fixes, []);
  });

  it('reports a backup mirror in another data center than the backup', () => {
    const text = contoso({ drMirror: 'seattle' });
    assert.deepEqual(codesOf(text), ['PC113']);
    const [finding] = findingsOf(text, 'PC113');
    assert.equal(textAt(text, finding), 'sql-pc-dr-mirror');
    assert.match(finding.message, /backup mirror/);
    assert.match(finding.message, /'seattle'.*'portland'/);
    assert.equal(textAt(text, finding.related[0]), 'sql-pc-dr');
  });

  it('reports the mirror of the compliance database', () => {
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
