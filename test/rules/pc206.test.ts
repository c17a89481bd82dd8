import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { woodgrove as woodgrovePool, assertFixWorks as fixWorks, changes, LITWARE } from './fixtures';
import type { QuickFix } from '../../server/src/service/types';

/** Woodgrove with the planned users, deployment and servers the caller gives. */
const woodgrove = (concurrentUsers: number, servers: string, deployment = 'multiple-server') =>
  woodgrovePool({ deployment, pool: `    concurrentUsers: ${concurrentUsers}   # peak at market open\n${servers}\n` });

/** Block list: `active` servers pc1…, then `standby` servers sb1…. */
const block = (active: number, standby = 0) =>
  [
    '    servers:',
    '      # New York first, New Jersey standby',
    ...Array.from({ length: active }, (_, i) => `      - fqdn: pc${i + 1}.corp.woodgrove.com`),
    ...Array.from({ length: standby }, (_, i) => `      - fqdn: sb${i + 1}.corp.woodgrove.com\n        state: standby   # NJ`),
  ].join('\n');

function assertFixWorks(text: string, fix: QuickFix): string {
  assert.equal(fix.isPreferred, true);
  return fixWorks(text, fix, 'PC206', { clean: true });
}

describe('PC206 planned concurrent users exceed what the active servers carry', () => {
  it('reports the concurrentUsers value with the figures: planned, active servers, capacity and what is missing', () => {
    const text = woodgrove(50000, block(2));
    assert.deepEqual(codesOf(text), ['PC206']);
    const findings = findingsOf(text, 'PC206');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), '50000');
    assert.match(finding.message, /'pchat'/);
    assert.match(finding.message, /50,000 concurrent users/);
    assert.match(finding.message, /2 active servers carry 40,000/);
    assert.match(finding.message, /20,000 each/);
    assert.match(finding.message, /1 more active server\b/);
  });

  it('counts only active servers, not standby ones', () => {
    const text = woodgrove(30000, block(1, 2));
    const [finding] = findingsOf(text, 'PC206');
    assert.match(finding.message, /1 active server carry 20,000|1 active server carries 20,000/);
  });

  it('accepts exactly 20,000 per active server', () => {
    assert.deepEqual(codesOf(woodgrove(40000, block(2))), []);
    assert.deepEqual(codesOf(woodgrove(80000, block(4, 2))), []);
  });

  it('leaves a pool over 80,000 to PC207 (one fault, one finding)', () => {
    assert.deepEqual(codesOf(woodgrove(85000, block(2))), ['PC207']);
  });

  it('leaves a pool with no active server to PC205 (one fault, one finding)', () => {
    assert.deepEqual(codesOf(woodgrove(30000, block(0, 2))), ['PC205']);
  });

  it('does not judge a concurrentUsers value the schema rejected', () => {
    assert.deepEqual(codesOf(woodgrove(0, block(1))), ['PC002']);
  });

  describe('quick fix: promote standby servers', () => {
    it('promotes as many standby servers as are needed, no more', () => {
      const text = woodgrove(60000, block(1, 3));
      const [finding] = findingsOf(text, 'PC206');
      assert.match(finding.message, /2 more active servers/);
      assert.equal(finding.fixes.length, 1);
      const [fix] = finding.fixes;
      assert.match(fix.title, /Promote sb1\.corp\.woodgrove\.com, sb2\.corp\.woodgrove\.com to active/);
      assert.equal(fix.safe, false);
      const after = assertFixWorks(text, fix);
      assert.ok(after.includes('      - fqdn: sb1.corp.woodgrove.com\n        state: active   # NJ\n      - fqdn: sb2.corp.woodgrove.com\n        state: active   # NJ\n      - fqdn: sb3.corp.woodgrove.com\n        state: standby   # NJ'), after);
    });

    it('edits flow maps in a flow list', () => {
      const text = woodgrove(40000, '    servers: [{fqdn: pc1.corp.woodgrove.com}, {fqdn: sb1.corp.woodgrove.com, state: standby}]');
      assert.deepEqual(codesOf(text), ['PC206']);
      const [fix] = findingsOf(text, 'PC206')[0].fixes;
      assert.match(fix.title, /Promote/);
      const after = assertFixWorks(text, fix);
      assert.ok(after.includes('    servers: [{fqdn: pc1.corp.woodgrove.com}, {fqdn: sb1.corp.woodgrove.com, state: active}]\n'), after);
    });
  });

  describe('quick fix: add new active servers', () => {
    it('adds as many new servers in the domain as are needed', () => {
      const text = woodgrove(70000, block(2));
      const [finding] = findingsOf(text, 'PC206');
      assert.match(finding.message, /2 more active servers/);
      assert.equal(finding.fixes.length, 1);
      const [fix] = finding.fixes;
      assert.match(fix.title, /Add 2 active servers/);
      assert.equal(fix.safe, false, 'the fix invents computer names');
      const after = assertFixWorks(text, fix);
      const added = [...after.matchAll(/- fqdn: (\S+)/g)].map((m) => m[1]).slice(2);
      assert.equal(added.length, 2);
      for (const fqdn of added) {
        assert.ok(fqdn.endsWith('.corp.woodgrove.com'), fqdn);
        assert.ok(fix.title.includes(fqdn));
      }
      assert.notEqual(added[0], added[1]);
      assert.ok(after.includes(`      - fqdn: pc2.corp.woodgrove.com\n      - fqdn: ${added[0]}\n      - fqdn: ${added[1]}\n    database:`), after);
    });

    it('promotes the standby servers there are and adds new ones for the rest', () => {
      const text = woodgrove(60000, block(1, 1));
      const [fix] = findingsOf(text, 'PC206')[0].fixes;
      assert.match(fix.title, /^Promote \S+ to active and add 1 active server \(/);
      const after = assertFixWorks(text, fix);
      assert.doesNotMatch(after, /state: standby/);
    });

    it('picks names no computer in the file uses', () => {
      const text = woodgrove(40000, '    servers:\n      - fqdn: pchat01.corp.woodgrove.com');
      const [fix] = findingsOf(text, 'PC206')[0].fixes;
      assert.doesNotMatch(fix.title, /pchat01\.corp/);
      assertFixWorks(text, fix);
    });

    it('appends to a flow list in flow style', () => {
      const text = woodgrove(40000, '    servers: [{fqdn: pc1.corp.woodgrove.com}]   # one for now');
      assert.deepEqual(codesOf(text), ['PC206']);
      const [fix] = findingsOf(text, 'PC206')[0].fixes;
      const after = assertFixWorks(text, fix);
      assert.match(after, /    servers: \[\{fqdn: pc1\.corp\.woodgrove\.com\}, \{ ?fqdn: [a-z0-9-]+\.corp\.woodgrove\.com ?\}\] {3}# one for now\n/);
    });

    it('keeps CRLF line ends', () => {
      const text = woodgrove(70000, block(2)).replace(/\n/g, '\r\n');
      const after = assertFixWorks(text, findingsOf(text, 'PC206')[0].fixes[0]);
      assert.ok(!/(^|[^\r])\n/.test(after));
    });
  });

  describe('no fix where no server can be added', () => {
    it('offers none for a single-server pool', () => {
      const text = woodgrove(30000, '    servers:\n      - fqdn: pchat.corp.woodgrove.com', 'single-server');
      assert.deepEqual(codesOf(text), ['PC202', 'PC206']);
      const [finding] = findingsOf(text, 'PC206');
      assert.equal(textAt(text, finding), '30000');
      assert.deepEqual(finding.fixes, []);
    });

    it('offers none for a pool collocated on a Standard Edition server', () => {
      const text = changes(LITWARE, [
        ['# Litware all-in-one\n', ''],
        ['    nextHop: se\n', '    nextHop: se\n    concurrentUsers: 25000\n'],
      ]);
      assert.deepEqual(codesOf(text), ['PC206']);
      const [finding] = findingsOf(text, 'PC206');
      assert.equal(textAt(text, finding), '25000');
      assert.match(finding.message, /25,000/);
      assert.deepEqual(finding.fixes, []);
    });
  });
});
