import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { assertFixWorks, change, changes, LITWARE } from './fixtures';

const DATABASE = '    database:\n      store: se-express\n';

/** Litware (se-sql-express) with two more SQL stores in its site and the database map the caller gives. */
const litware = (database: string) =>
  changes(LITWARE, [
    [
      'frontEndPools:\n',
      `  - id: sql-dr
    fqdn: sql01.litware.local   # bought for disaster recovery
    site: hq
  - id: sql-dr-mirror
    fqdn: sql02.litware.local
    site: hq
frontEndPools:
`,
    ],
    [DATABASE, database],
  ]);

const MIRRORED = litware(`    database:
      store: se-express
      mirror: sql-dr
`);

describe('PC120 a database on SQL Server Express has copies', () => {
  it('reports the copy keys, naming the pool, the express store and each copy', () => {
    const text = litware(`    database:
      store: se-express
      mirror: sql-dr
      backup: sql-dr-mirror
`);
    assert.deepEqual(codesOf(text), ['PC120']);
    const findings = findingsOf(text, 'PC120');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'mirror: sql-dr\n      backup: sql-dr-mirror');
    assert.match(finding.message, /Persistent Chat database of Persistent Chat pool 'pchat'/);
    assert.match(finding.message, /SQL Server Express \(SQL store 'se-express'\)/);
    assert.match(finding.message, /a mirror and a log-shipping backup/);
    assert.match(finding.message, /no high availability/);
    assert.equal(textAt(text, finding.related[0]), 'se-express');
  });

  it('reports a lone backup mirror of an express database', () => {
    const text = litware(`    database:
      store: se-express
      backupMirror: sql-dr
`);
    assert.deepEqual(codesOf(text), ['PC119', 'PC120']);
    assert.equal(textAt(text, findingsOf(text, 'PC120')[0]), 'backupMirror: sql-dr');
  });

  it('reports the compliance database kept on SQL Server Express', () => {
    const text = litware(`${DATABASE}    compliance:
      enabled: true
      store: se-express
      mirror: sql-dr
`);
    assert.deepEqual(codesOf(text), ['PC120']);
    const [finding] = findingsOf(text, 'PC120');
    assert.equal(textAt(text, finding), 'mirror: sql-dr');
    assert.match(finding.message, /compliance database/);
  });

  it('is silent for an express database without copies (the se-sql-express example)', () => {
    assert.deepEqual(codesOf(litware(DATABASE)), []);
  });

  it('is silent for a mirrored database on a full SQL Server', () => {
    const text = litware(`    database:
      store: sql-dr
      mirror: sql-dr-mirror
`);
    assert.deepEqual(codesOf(text), []);
  });

  it('does not judge a primary store whose edition the schema rejected', () => {
    const text = change(MIRRORED, '    edition: express\n', '    edition: expres\n');
    assert.ok(!codesOf(text).includes('PC120'));
  });

  describe('quick fix', () => {
    it('removes the copies; it is offered but not safe', () => {
      const text = litware(`    database:
      store: se-express
      mirror: sql-dr
      backup: sql-dr-mirror
`);
      const [fix] = findingsOf(text, 'PC120')[0].fixes;
      assert.equal(fix.title, "Remove 'mirror', 'backup'");
      assert.equal(fix.isPreferred, true);
      assert.equal(fix.safe, false);
      const after = assertFixWorks(text, fix, 'PC120', { clean: true });
      assert.equal(after, litware(DATABASE));
    });

    it('removes copies from a flow map', () => {
      const text = litware('    database: {store: se-express, mirror: sql-dr}\n');
      assert.deepEqual(codesOf(text), ['PC120']);
      const [fix] = findingsOf(text, 'PC120')[0].fixes;
      const after = assertFixWorks(text, fix, 'PC120', { clean: true });
      assert.ok(after.includes('    database: {store: se-express}\n'), after);
    });
  });
});
