import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codesOf, findingsOf, newErrors, textAt, unchangedOutside } from '../helpers';
import type { QuickFix } from '../../server/src/service/types';

/** Woodgrove with the servers the caller lists. */
const woodgrove = (servers: string) => `# Woodgrove Bank
topology: Woodgrove
domain: corp.woodgrove.com
sites:
  - id: ny
sqlStores:
  - id: sql-be
    fqdn: sqlbe.corp.woodgrove.com
    edition: enterprise
    site: ny
  - id: sql-pc
    fqdn: sqlpc.corp.woodgrove.com
    edition: enterprise
    site: ny
frontEndPools:
  - id: fe
    edition: enterprise
    fqdn: pool.corp.woodgrove.com
    site: ny
    servers: [fe01.corp.woodgrove.com]
    backEnd: sql-be
persistentChatPools:
  - id: pchat
    fqdn: pchat.corp.woodgrove.com
    site: ny
    deployment: multiple-server
    nextHop: fe
${servers}
    database:
      store: sql-pc
`;

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
  const after = applyFix(text, fix);
  assert.deepEqual(findingsOf(after, 'PC205'), []);
  assert.deepEqual(codesOf(after), []);
  assert.deepEqual(newErrors(text, after), []);
  assert.ok(unchangedOutside(text, after, fix));
  for (const comment of text.match(/#[^\r\n]*/g) ?? []) assert.ok(after.includes(comment), `comment lost: ${comment}`);
  return after;
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
