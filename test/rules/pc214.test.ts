import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codesOf, findingsOf, textAt } from '../helpers';
import { assertFixWorks as fixWorks, changes, LITWARE } from './fixtures';
import type { QuickFix } from '../../server/src/service/types';

/** Litware (se-sql-express, as a multiple-server pool) with the Persistent Chat servers the caller lists. */
const litware = (servers: string) =>
  changes(LITWARE, [
    ['# Litware all-in-one\ntopology: Litware all-in-one\n', '# Litware: Persistent Chat on the Standard Edition server\ntopology: Litware grown\n'],
    ['    servers:\n      - fqdn: lync01.litware.local\n', `${servers}\n`],
  ]);

const WITH_STANDBY = `    servers:
      - fqdn: lync01.litware.local   # the SE server itself
      # a spare for the busy season
      - fqdn: lync02.litware.local
        state: standby`;

function assertFixWorks(text: string, fix: QuickFix): string {
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.safe, false, 'the fix drops servers');
  return fixWorks(text, fix, 'PC214', { clean: true });
}

describe('PC214 a pool collocated on a Standard Edition server has other or standby servers', () => {
  it('reports the other server, naming the pool and the Standard Edition server', () => {
    const text = litware(WITH_STANDBY);
    assert.deepEqual(codesOf(text), ['PC214']);
    const findings = findingsOf(text, 'PC214');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'lync02.litware.local');
    assert.match(finding.message, /'pchat'/);
    assert.match(finding.message, /'lync01\.litware\.local'/);
    assert.equal(textAt(text, finding.related[0]), 'lync01.litware.local');
  });

  it('reports an active second server too', () => {
    const text = litware('    servers:\n      - fqdn: lync01.litware.local\n      - fqdn: lync02.litware.local');
    assert.deepEqual(codesOf(text), ['PC214']);
    assert.equal(textAt(text, findingsOf(text, 'PC214')[0]), 'lync02.litware.local');
  });

  it('reports once, on the first of several other servers, even when the Standard Edition server is listed second', () => {
    const text = litware('    servers:\n      - fqdn: lync02.litware.local\n      - fqdn: LYNC01.litware.local\n      - fqdn: lync03.litware.local');
    assert.deepEqual(codesOf(text), ['PC214']);
    const findings = findingsOf(text, 'PC214');
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0]), 'lync02.litware.local');
  });

  it('accepts the Standard Edition server alone, named in another letter case', () => {
    assert.deepEqual(codesOf(litware('    servers:\n      - fqdn: Lync01.Litware.Local')), []);
  });

  it('is silent for a pool on its own servers with a Standard Edition next hop', () => {
    const text = litware('    servers:\n      - fqdn: pc01.litware.local\n      - fqdn: pc02.litware.local\n        state: standby')
      .replace('    fqdn: lync01.litware.local\n    site: hq\n    deployment', '    fqdn: pchat.litware.local\n    site: hq\n    deployment')
      .replace('      store: se-express', '      store: sql-pc')
      .replace('frontEndPools:', '  - id: sql-pc\n    fqdn: sql01.litware.local\n    instance: PCHAT\n    site: hq\nfileStores:\n  - id: fs\n    fqdn: fs01.litware.local\n    share: lync\n    site: hq\nfrontEndPools:')
      .replace('    nextHop: se\n', '    nextHop: se\n    fileStore: fs\n');
    assert.deepEqual(codesOf(text), []);
  });

  it('reports the Standard Edition server itself on standby, with no removal to offer', () => {
    const text = litware('    servers:\n      - fqdn: lync01.litware.local\n        state: standby');
    // PC205 also says the pool has no active server; marking it active (PC205's fix) settles both.
    assert.deepEqual(codesOf(text), ['PC205', 'PC214']);
    const [finding] = findingsOf(text, 'PC214');
    assert.equal(textAt(text, finding), 'lync01.litware.local');
    assert.deepEqual(finding.fixes, []);
    const after = applyFix(text, findingsOf(text, 'PC205')[0].fixes[0]);
    assert.deepEqual(codesOf(after), []);
  });

  describe('quick fix: remove the other servers', () => {
    it('removes a standby server from a block list and keeps the comments', () => {
      const text = litware(WITH_STANDBY);
      const [fix] = findingsOf(text, 'PC214')[0].fixes;
      assert.match(fix.title, /lync02\.litware\.local/);
      const after = assertFixWorks(text, fix);
      assert.ok(after.includes('    servers:\n      - fqdn: lync01.litware.local   # the SE server itself\n      # a spare for the busy season\n    database:'), after);
    });

    it('removes several other servers from a block list', () => {
      const text = litware('    servers:\n      - fqdn: lync02.litware.local\n      - fqdn: lync01.litware.local\n      - fqdn: lync03.litware.local\n        state: standby');
      const [fix] = findingsOf(text, 'PC214')[0].fixes;
      assert.match(fix.title, /lync02\.litware\.local, lync03\.litware\.local/);
      const after = assertFixWorks(text, fix);
      assert.ok(after.includes('    servers:\n      - fqdn: lync01.litware.local\n    database:'), after);
    });

    it('removes other servers from a flow list, leaving a clean list', () => {
      const text = litware('    servers: [{fqdn: lync01.litware.local}, {fqdn: lync02.litware.local}, {fqdn: lync03.litware.local, state: standby}]   # grown');
      assert.deepEqual(codesOf(text), ['PC214']);
      const after = assertFixWorks(text, findingsOf(text, 'PC214')[0].fixes[0]);
      assert.ok(after.includes('    servers: [{fqdn: lync01.litware.local}]   # grown\n'), after);
    });

    it('removes a leading other server from a flow list', () => {
      const text = litware('    servers: [{fqdn: lync02.litware.local}, {fqdn: lync01.litware.local}]');
      const after = assertFixWorks(text, findingsOf(text, 'PC214')[0].fixes[0]);
      assert.ok(after.includes('    servers: [{fqdn: lync01.litware.local}]\n'), after);
    });

    it('keeps CRLF line ends', () => {
      const text = litware(WITH_STANDBY).replace(/\n/g, '\r\n');
      const after = assertFixWorks(text, findingsOf(text, 'PC214')[0].fixes[0]);
      assert.ok(!/(^|[^\r])\n/.test(after));
    });
  });
});
