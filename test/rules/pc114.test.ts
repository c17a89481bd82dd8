import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { contosoStretched as contoso } from './fixtures';

describe('PC114 a log-shipping backup is in the same data center as its primary', () => {
  it('reports the backup value, naming the pool and the shared data center', () => {
    const text = contoso({ dr: 'seattle', drMirror: 'seattle' });
    assert.deepEqual(codesOf(text), ['PC114']);
    const findings = findingsOf(text, 'PC114');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'sql-pc-dr');
    assert.match(finding.message, /log-shipping backup of the Persistent Chat database/);
    assert.match(finding.message, /'pchat'/);
    assert.match(finding.message, /'seattle'/);
    assert.equal(textAt(text, finding.related[0]), 'sql-pc');
    assert.deepEqual(finding.fixes, []);
  });

  it('treats data centers that differ only in letter case as the same data center', () => {
    const text = contoso({ dr: 'SEATTLE', drMirror: 'SEATTLE' });
    assert.deepEqual(codesOf(text), ['PC114']);
    assert.equal(textAt(text, findingsOf(text, 'PC114')[0]), 'sql-pc-dr');
  });

  it('reports the backup of the compliance database', () => {
    const text = contoso({ comp: 'seattle', compMirror: 'seattle' }).replace(
      '      mirror: sql-comp-mirror\n',
      '      mirror: sql-comp-mirror\n      backup: sql-comp-dr\n',
    ).replace('\nfileStores:', '  - id: sql-comp-dr\n    fqdn: sqlcomp11.corp.contoso.com\n    instance: PCHATCOMP\n    edition: enterprise\n    site: redmond\n    dataCenter: Seattle\n\nfileStores:');
    assert.deepEqual(codesOf(text), ['PC114']);
    const [finding] = findingsOf(text, 'PC114');
    assert.equal(textAt(text, finding), 'sql-comp-dr');
    assert.match(finding.message, /compliance database/);
  });

  it('accepts a backup in the other data center (the valid stretched pool)', () => {
    assert.deepEqual(codesOf(contoso()), []);
  });

  it('does not judge a backup that names no data center', () => {
    assert.deepEqual(codesOf(contoso({ dr: undefined, drMirror: undefined })), []);
  });

  it('does not judge a primary that names no data center', () => {
    assert.deepEqual(codesOf(contoso({ pc: undefined, pcMirror: undefined, dr: 'seattle', drMirror: 'seattle' })), []);
  });

  it('does not judge a backup mirror against the primary (that pair is PC113)', () => {
    // The backup mirror sits with the primary in Seattle, the backup in Portland: a PC113 finding, not PC114.
    const text = contoso({ drMirror: 'seattle' });
    assert.deepEqual(codesOf(text), ['PC113']);
  });
});
