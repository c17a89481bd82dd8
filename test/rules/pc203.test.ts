import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { woodgrove as woodgrovePool, assertFixWorks as fixWorks } from './fixtures';
import type { QuickFix } from '../../server/src/service/types';

/** Woodgrove (the too-many-active example, without planned users) with the servers the caller lists. */
const woodgrove = (servers: string) =>
  woodgrovePool({ title: '# Woodgrove Bank, New York', pool: `${servers}\n`, tail: '    compliance:\n      enabled: false\n' });

/** A block list of `active` servers pc1… and `standby` servers sb1…; the fifth active one says so explicitly. */
function block(active: number, standby = 0): string {
  const lines = ['    servers:   # New York trading floor'];
  for (let i = 1; i <= active; i++) lines.push(`      - fqdn: pc${i}.corp.woodgrove.com`, ...(i === 5 ? ['        state: active   # bought in 2015'] : []));
  for (let i = 1; i <= standby; i++) lines.push(`      - fqdn: sb${i}.corp.woodgrove.com`, '        state: standby');
  return lines.join('\n');
}

function assertFixWorks(text: string, fix: QuickFix): string {
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.safe, true);
  return fixWorks(text, fix, 'PC203', { clean: true });
}

describe('PC203 more than 4 active servers in a pool', () => {
  it('reports the fifth active server, with the count and the limit', () => {
    const text = woodgrove(block(5));
    assert.deepEqual(codesOf(text), ['PC203']);
    const findings = findingsOf(text, 'PC203');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'pc5.corp.woodgrove.com');
    assert.match(finding.message, /'pchat' has 5 active servers/);
    assert.match(finding.message, /at most 4 active/);
  });

  it('counts servers without a state as active, and points the others out as related', () => {
    const text = woodgrove(block(6));
    const [finding] = findingsOf(text, 'PC203');
    assert.match(finding.message, /6 active/);
    assert.equal(textAt(text, finding), 'pc5.corp.woodgrove.com');
    assert.deepEqual(finding.related.map((r) => textAt(text, r)), ['pc6.corp.woodgrove.com']);
  });

  it('accepts exactly 4 active servers with 4 on standby', () => {
    assert.deepEqual(codesOf(woodgrove(block(4, 4))), []);
  });

  it('does not count a server whose state the schema rejected', () => {
    const text = woodgrove(block(4) + '\n      - fqdn: pc5.corp.woodgrove.com\n        state: passive');
    assert.deepEqual(codesOf(text), ['PC002']);
  });

  describe('quick fix: mark the servers after the fourth active one standby', () => {
    it('replaces an explicit state and keeps its comment', () => {
      const text = woodgrove(block(5));
      const [fix] = findingsOf(text, 'PC203')[0].fixes;
      assert.match(fix.title, /pc5\.corp\.woodgrove\.com/);
      const after = assertFixWorks(text, fix);
      assert.ok(after.includes('      - fqdn: pc5.corp.woodgrove.com\n        state: standby   # bought in 2015\n'), after);
      assert.ok(after.includes('# New York trading floor'));
      assert.ok(after.includes('# Woodgrove Bank, New York'));
    });

    it('adds a state key where there is none, for each extra server', () => {
      const text = woodgrove(block(6, 2));
      const [fix] = findingsOf(text, 'PC203')[0].fixes;
      const after = assertFixWorks(text, fix);
      assert.ok(after.includes('      - fqdn: pc6.corp.woodgrove.com\n        state: standby\n'), after);
      assert.ok(after.includes('      - fqdn: pc4.corp.woodgrove.com\n      - fqdn: pc5.corp.woodgrove.com\n        state: standby   # bought in 2015\n'), after);
    });

    it('edits flow maps in a flow list', () => {
      const names = [1, 2, 3, 4, 5].map((i) => `{fqdn: pc${i}.corp.woodgrove.com}`).join(', ');
      const text = woodgrove(`    servers: [${names}]   # all active`);
      assert.deepEqual(codesOf(text), ['PC203']);
      assert.equal(textAt(text, findingsOf(text, 'PC203')[0]), 'pc5.corp.woodgrove.com');
      const after = assertFixWorks(text, findingsOf(text, 'PC203')[0].fixes[0]);
      assert.ok(after.includes('{fqdn: pc4.corp.woodgrove.com}, {fqdn: pc5.corp.woodgrove.com, state: standby}]   # all active\n'), after);
    });

    it('keeps CRLF line ends', () => {
      const text = woodgrove(block(6)).replace(/\n/g, '\r\n');
      const after = assertFixWorks(text, findingsOf(text, 'PC203')[0].fixes[0]);
      assert.ok(!/(^|[^\r])\n/.test(after), 'a bare LF was written into a CRLF file');
      assert.ok(after.includes('      - fqdn: pc6.corp.woodgrove.com\r\n        state: standby\r\n'));
    });

    it('offers no fix when the standby places are taken (PC204 reports the total)', () => {
      const text = woodgrove(block(5, 4));
      assert.deepEqual(codesOf(text), ['PC203', 'PC204']);
      assert.deepEqual(findingsOf(text, 'PC203')[0].fixes, []);
    });
  });
});
