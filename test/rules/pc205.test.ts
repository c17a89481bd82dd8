import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { woodgrove as woodgrovePool, assertFixWorks as fixWorks } from './fixtures';
import type { QuickFix } from '../../server/src/service/types';

/** Woodgrove with the servers the caller lists. */
const woodgrove = (servers: string) => woodgrovePool({ pool: `${servers}\n` });

const ALL_STANDBY = `    servers:
      # both parked during the migration
      - fqdn: pc1.corp.woodgrove.com
        state: standby   # was active until May
      - fqdn: pc2.corp.woodgrove.com
        state: standby`;

function assertFixWorks(text: string, fix: QuickFix): string {
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.safe, true);
  assert.match(fix.title, /pc1\.corp\.woodgrove\.com/);
  return fixWorks(text, fix, 'PC205', { clean: true });
}

describe('PC205 a pool has no active server', () => {
  it('reports the servers key, naming the pool and the number of standby servers', () => {
    const text = woodgrove(ALL_STANDBY);
    assert.deepEqual(codesOf(text), ['PC205']);
    const findings = findingsOf(text, 'PC205');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'servers');
    assert.match(finding.message, /'pchat' has no active server/);
    assert.match(finding.message, /\b2\b.*standby/);
  });

  it('accepts one active server among standby servers', () => {
    assert.deepEqual(codesOf(woodgrove(ALL_STANDBY.replace('state: standby   # was active until May', 'state: active'))), []);
    assert.deepEqual(codesOf(woodgrove(ALL_STANDBY.replace('        state: standby   # was active until May\n', ''))), []);
  });

  it('does not judge a pool where a state was rejected by the schema', () => {
    const text = woodgrove(ALL_STANDBY.replace('state: standby   # was active until May', 'state: activ'));
    assert.deepEqual(codesOf(text), ['PC002']);
  });

  describe('quick fix: mark the first server active', () => {
    it('replaces the state value of the first server and keeps its comment', () => {
      const text = woodgrove(ALL_STANDBY);
      const after = assertFixWorks(text, findingsOf(text, 'PC205')[0].fixes[0]);
      assert.ok(after.includes('      - fqdn: pc1.corp.woodgrove.com\n        state: active   # was active until May\n      - fqdn: pc2.corp.woodgrove.com\n        state: standby'), after);
    });

    it('edits a flow list of flow maps', () => {
      const text = woodgrove('    servers: [{fqdn: pc1.corp.woodgrove.com, state: standby}, {fqdn: pc2.corp.woodgrove.com, state: standby}]  # parked');
      assert.deepEqual(codesOf(text), ['PC205']);
      assert.equal(textAt(text, findingsOf(text, 'PC205')[0]), 'servers');
      const after = assertFixWorks(text, findingsOf(text, 'PC205')[0].fixes[0]);
      assert.ok(after.includes('    servers: [{fqdn: pc1.corp.woodgrove.com, state: active}, {fqdn: pc2.corp.woodgrove.com, state: standby}]  # parked\n'), after);
    });

    it('keeps CRLF line ends', () => {
      const text = woodgrove(ALL_STANDBY).replace(/\n/g, '\r\n');
      const after = assertFixWorks(text, findingsOf(text, 'PC205')[0].fixes[0]);
      assert.ok(!/(^|[^\r])\n/.test(after));
    });
  });
});
