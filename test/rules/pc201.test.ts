import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codesOf, findingsOf, newErrors, textAt, unchangedOutside } from '../helpers';
import { changes } from './fixtures';

/** Proseware (the single-server-grown example, which has no file store) with the Persistent Chat servers the caller lists. */
const proseware = (servers: string, deployment = 'single-server') => `# Proseware: one Persistent Chat server at first
topology: Proseware
domain: corp.proseware.com
sites:
  - id: hq
sqlStores:
  - id: sql-be
    fqdn: sqlbe.corp.proseware.com
    edition: enterprise
    site: hq
  - id: sql-pc
    fqdn: sqlpc.corp.proseware.com
    edition: enterprise
    site: hq
frontEndPools:
  - id: fe
    edition: enterprise
    fqdn: pool.corp.proseware.com
    site: hq
    servers: [fe01.corp.proseware.com]
    backEnd: sql-be
persistentChatPools:
  - id: pchat
    fqdn: pc01.corp.proseware.com
    site: hq
    deployment: ${deployment}   # chosen in 2014
    nextHop: fe
${servers}
    database:
      store: sql-pc
    compliance:
      enabled: false
`;

const TWO = `    servers:
      - fqdn: pc01.corp.proseware.com
      # added for the merger
      - fqdn: pc02.corp.proseware.com`;

describe('PC201 a single-server pool lists more than one server', () => {
  it('reports the second server, naming the pool and the count', () => {
    const text = proseware(TWO);
    // PC202 is the standing hint on every single-server pool.
    assert.deepEqual(codesOf(text), ['PC201', 'PC202']);
    const findings = findingsOf(text, 'PC201');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'pc02.corp.proseware.com');
    assert.match(finding.message, /'pchat'/);
    assert.match(finding.message, /2 servers/);
    assert.equal(textAt(text, finding.related[0]), 'single-server');
  });

  it('reports once for three servers, on the second', () => {
    const text = proseware(`${TWO}\n      - fqdn: pc03.corp.proseware.com`);
    const findings = findingsOf(text, 'PC201');
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0]), 'pc02.corp.proseware.com');
    assert.match(findings[0].message, /3 servers/);
  });

  it('accepts a single-server pool with its one server', () => {
    const text = proseware('    servers:\n      - fqdn: pc01.corp.proseware.com');
    assert.deepEqual(codesOf(text), ['PC202']);
  });

  it('accepts two servers in a multiple-server pool', () => {
    // With the file share a multiple-server pool needs (PC116).
    const text = changes(proseware(TWO, 'multiple-server'), [
      ['frontEndPools:\n', 'fileStores:\n  - id: fs\n    fqdn: fs01.corp.proseware.com\n    share: lync\n    site: hq\nfrontEndPools:\n'],
      ['    nextHop: fe\n', '    nextHop: fe\n    fileStore: fs\n'],
    ]);
    assert.deepEqual(codesOf(text), []);
  });

  describe("quick fix: change 'deployment' to 'multiple-server'", () => {
    const check = (text: string) => {
      const [finding] = findingsOf(text, 'PC201');
      assert.equal(finding.fixes.length, 1);
      const [fix] = finding.fixes;
      assert.equal(fix.isPreferred, true);
      // A published single-server pool must be removed and created anew: not a change to apply blindly.
      assert.equal(fix.safe, false);
      assert.match(fix.title, /created anew/);
      const after = applyFix(text, fix);
      assert.deepEqual(findingsOf(after, 'PC201'), []);
      // Proseware has no file store, which the multiple-server pool the fix makes needs: PC116, and nothing else.
      assert.deepEqual(codesOf(after), ['PC116']);
      assert.deepEqual(
        findingsOf(after, 'PC116').map((f) => textAt(after, f)),
        ['multiple-server'],
      );
      assert.deepEqual(newErrors(text, after), []);
      assert.ok(unchangedOutside(text, after, fix));
      for (const comment of text.match(/#[^\r\n]*/g) ?? []) assert.ok(after.includes(comment), `comment lost: ${comment}`);
      assert.match(after, /deployment: multiple-server {3}# chosen in 2014/);
      return after;
    };

    it('fixes a block list', () => {
      check(proseware(TWO));
    });

    it('fixes a flow list', () => {
      const text = proseware('    servers: [{fqdn: pc01.corp.proseware.com}, {fqdn: pc02.corp.proseware.com}]');
      assert.deepEqual(codesOf(text), ['PC201', 'PC202']);
      assert.equal(textAt(text, findingsOf(text, 'PC201')[0]), 'pc02.corp.proseware.com');
      const after = check(text);
      assert.ok(after.includes('    servers: [{fqdn: pc01.corp.proseware.com}, {fqdn: pc02.corp.proseware.com}]\n'));
    });

    it('keeps CRLF line ends', () => {
      const text = proseware(TWO).replace(/\n/g, '\r\n');
      const after = check(text);
      assert.ok(!/(^|[^\r])\n/.test(after));
    });
  });

  it('does not judge a deployment the schema rejected', () => {
    assert.deepEqual(codesOf(proseware(TWO, 'single')), ['PC002']);
  });
});
