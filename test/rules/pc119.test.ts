import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { change, contosoStretched } from './fixtures';

const STRETCHED = contosoStretched();
const BACKUP = '      backup: sql-pc-dr              # log shipping to Portland\n';

/** The stretched Contoso whose Persistent Chat database keeps its backup mirror but lost its log-shipping backup. */
const NO_BACKUP = change(STRETCHED, BACKUP, '');

describe('PC119 a backup mirror without a log-shipping backup', () => {
  it('reports the backup mirror value, naming the pool, the database and the missing backup', () => {
    assert.deepEqual(codesOf(NO_BACKUP), ['PC119']);
    const findings = findingsOf(NO_BACKUP, 'PC119');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(NO_BACKUP, finding), 'sql-pc-dr-mirror');
    assert.match(finding.message, /Persistent Chat database of Persistent Chat pool 'pchat'/);
    assert.match(finding.message, /backup mirror 'sql-pc-dr-mirror' but no log-shipping backup/);
    assert.match(finding.message, /'backup'/);
    assert.equal(textAt(NO_BACKUP, finding.related[0]), 'sql-pc');
    assert.deepEqual(finding.fixes, []);
  });

  it('reports the compliance database too', () => {
    const text = change(STRETCHED, '      mirror: sql-comp-mirror\n', '      backupMirror: sql-comp-mirror\n');
    assert.deepEqual(codesOf(text), ['PC119']);
    const [finding] = findingsOf(text, 'PC119');
    assert.equal(textAt(text, finding), 'sql-comp-mirror');
    assert.match(finding.message, /compliance database/);
  });

  it('is silent when the backup is there (the valid stretched pool)', () => {
    assert.deepEqual(codesOf(STRETCHED), []);
  });

  it('leaves a backup that names no store to PC004', () => {
    const text = change(STRETCHED, BACKUP, '      backup: sql-pc-drr\n');
    assert.deepEqual(codesOf(text), ['PC004']);
  });

  it('does not judge the stores of a disabled compliance (PC108 reports them)', () => {
    const text = change(change(STRETCHED, '      enabled: true\n', '      enabled: false\n'), '      mirror: sql-comp-mirror\n', '      backupMirror: sql-comp-mirror\n');
    assert.deepEqual(codesOf(text), ['PC108']);
  });
});
