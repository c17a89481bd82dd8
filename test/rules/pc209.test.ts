import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { assertFixWorks as fixWorks, change, changes, FABRIKAM, LITWARE } from './fixtures';
import type { QuickFix } from '../../server/src/service/types';

/**
 * Fabrikam (the ee-single-server example) with the pool FQDN and deployment the caller gives. Its pool has file store
 * fs, as the example's has, so that as a multiple-server pool it needs nothing more (PC116).
 */
const fabrikam = (poolFqdn: string, deployment = 'single-server') =>
  changes(FABRIKAM, [
    ['    site: seattle\n\nfrontEndPools:', '    site: seattle\n\nfileStores:\n  - id: fs\n    fqdn: fs01.corp.fabrikam.com\n    share: lyncshare\n    site: seattle\n\nfrontEndPools:'],
    ['  - id: pchat\n    fqdn: pc01.corp.fabrikam.com\n', `  - id: pchat\n    fqdn: ${poolFqdn}   # DNS A record requested\n`],
    ['    deployment: single-server\n', `    deployment: ${deployment}\n`],
    ['    nextHop: fe\n', '    nextHop: fe\n    fileStore: fs\n'],
  ]);

/** Litware (se-sql-express) as a multiple-server pool collocated on the Standard Edition server. */
const litware = (poolFqdn: string) => change(LITWARE, '  - id: pchat\n    fqdn: lync01.litware.local\n', `  - id: pchat\n    fqdn: ${poolFqdn}\n`);

function assertFixWorks(text: string, fix: QuickFix, expected: string): string {
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.safe, false, 'a new pool FQDN means DNS and certificate work: the user chooses it');
  assert.ok(fix.title.includes(`'${expected}'`), fix.title);
  return fixWorks(text, fix, 'PC209');
}

describe("PC209 a single-server or Standard Edition collocated pool's FQDN is not its server's", () => {
  describe('single-server pool', () => {
    it("reports the pool FQDN, naming both FQDNs", () => {
      const text = fabrikam('pchat.corp.fabrikam.com');
      assert.deepEqual(codesOf(text), ['PC202', 'PC209']);
      const findings = findingsOf(text, 'PC209');
      assert.equal(findings.length, 1);
      const [finding] = findings;
      assert.equal(finding.severity, 'error');
      assert.equal(textAt(text, finding), 'pchat.corp.fabrikam.com');
      assert.match(finding.message, /'pchat'/);
      assert.match(finding.message, /'pchat\.corp\.fabrikam\.com'/);
      assert.match(finding.message, /'pc01\.corp\.fabrikam\.com'/);
      assert.equal(textAt(text, finding.related[0]), 'pc01.corp.fabrikam.com');
    });

    it("sets the pool FQDN to the server's and keeps the comment", () => {
      const text = fabrikam('pchat.corp.fabrikam.com');
      const after = assertFixWorks(text, findingsOf(text, 'PC209')[0].fixes[0], 'pc01.corp.fabrikam.com');
      assert.ok(after.includes('    fqdn: pc01.corp.fabrikam.com   # DNS A record requested\n'));
      assert.deepEqual(codesOf(after), ['PC202']);
    });

    it('edits a flow-style pool entry', () => {
      const text = fabrikam('x').replace(
        /  - id: pchat\n[\s\S]*$/,
        '  - {id: pchat, fqdn: pchat.corp.fabrikam.com, site: seattle, deployment: single-server, nextHop: fe, servers: [{fqdn: pc01.corp.fabrikam.com}], database: {store: sql-pchat}}\n',
      );
      assert.deepEqual(codesOf(text), ['PC202', 'PC209']);
      const after = assertFixWorks(text, findingsOf(text, 'PC209')[0].fixes[0], 'pc01.corp.fabrikam.com');
      assert.ok(after.includes('  - {id: pchat, fqdn: pc01.corp.fabrikam.com, site: seattle,'), after);
    });

    it('keeps CRLF line ends', () => {
      const text = fabrikam('pchat.corp.fabrikam.com').replace(/\n/g, '\r\n');
      const after = assertFixWorks(text, findingsOf(text, 'PC209')[0].fixes[0], 'pc01.corp.fabrikam.com');
      assert.ok(!/(^|[^\r])\n/.test(after));
    });

    it('compares FQDNs without regard to letter case', () => {
      assert.deepEqual(codesOf(fabrikam('PC01.Corp.Fabrikam.com')), ['PC202']);
    });

    it('accepts a multiple-server pool with its own pool FQDN', () => {
      assert.deepEqual(codesOf(fabrikam('pchat.corp.fabrikam.com', 'multiple-server')), []);
    });

    it('does not judge a pool whose FQDN the schema rejected: PC002 only', () => {
      assert.deepEqual(codesOf(fabrikam('"pchat pool"')), ['PC002']);
    });
  });

  describe('pool collocated on a Standard Edition server', () => {
    it("reports a pool FQDN other than the Standard Edition server's, naming the server", () => {
      const text = litware('pchat.litware.local');
      assert.deepEqual(codesOf(text), ['PC209']);
      const [finding] = findingsOf(text, 'PC209');
      assert.equal(textAt(text, finding), 'pchat.litware.local');
      assert.match(finding.message, /Standard Edition server 'se'/);
      assert.match(finding.message, /'lync01\.litware\.local'/);
      assert.equal(textAt(text, finding.related[0]), 'lync01.litware.local');
      const after = assertFixWorks(text, finding.fixes[0], 'lync01.litware.local');
      assert.deepEqual(codesOf(after), []);
    });

    it("accepts the Standard Edition server's FQDN in another letter case", () => {
      assert.deepEqual(codesOf(litware('LYNC01.litware.local')), []);
    });
  });
});
