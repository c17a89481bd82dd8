import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codesOf, findingsOf, newErrors, textAt, unchangedOutside } from '../helpers';
import type { QuickFix } from '../../server/src/service/types';
import { contosoPorts as contoso } from './fixtures';

function assertFixWorks(text: string, fix: QuickFix): string {
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.safe, false);
  const after = applyFix(text, fix);
  assert.ok(findingsOf(after, 'PC211').length < findingsOf(text, 'PC211').length);
  assert.deepEqual(newErrors(text, after), []);
  assert.ok(unchangedOutside(text, after, fix));
  for (const comment of text.match(/#[^\r\n]*/g) ?? []) assert.ok(after.includes(comment), `comment lost: ${comment}`);
  return after;
}

describe('PC211 a Persistent Chat port is not the default', () => {
  it('informs on a non-default SIP port, naming the pool, the port and the default', () => {
    const text = contoso('    sipPort: 5061   # firewall rule 42\n    poolPort: 8011');
    assert.deepEqual(codesOf(text), ['PC211']);
    const findings = findingsOf(text, 'PC211');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'information');
    assert.equal(textAt(text, finding), '5061');
    assert.match(finding.message, /'pchat'/);
    assert.match(finding.message, /SIP port 5061/);
    assert.match(finding.message, /5041/);
  });

  it('informs on a non-default pool port', () => {
    const text = contoso('    poolPort: 8012');
    assert.deepEqual(codesOf(text), ['PC211']);
    const [finding] = findingsOf(text, 'PC211');
    assert.equal(textAt(text, finding), '8012');
    assert.match(finding.message, /pool port 8012/);
    assert.match(finding.message, /8011/);
  });

  it('reports each non-default port once', () => {
    const text = contoso('    sipPort: 5042\n    poolPort: 8012');
    assert.deepEqual(findingsOf(text, 'PC211').map((f) => textAt(text, f)), ['5042', '8012']);
  });

  it('is silent for the default ports written out, and when they are left out', () => {
    assert.deepEqual(codesOf(contoso('    sipPort: 5041\n    poolPort: 8011')), []);
    assert.deepEqual(codesOf(contoso('    # default ports')), []);
  });

  it('does not judge a port the schema rejected', () => {
    assert.deepEqual(codesOf(contoso('    sipPort: 70000')), ['PC002']);
  });

  describe('quick fix: use the default', () => {
    it('sets the SIP port to 5041 and keeps the comment', () => {
      const text = contoso('    sipPort: 5061   # firewall rule 42\n    poolPort: 8011');
      const [fix] = findingsOf(text, 'PC211')[0].fixes;
      assert.match(fix.title, /5041/);
      const after = assertFixWorks(text, fix);
      assert.ok(after.includes('    sipPort: 5041   # firewall rule 42\n'));
      assert.deepEqual(codesOf(after), []);
    });

    it('sets a port in a flow-style pool entry', () => {
      const text = contoso('').replace(
        /  - id: pchat\n[\s\S]*$/,
        '  - {id: pchat, fqdn: pchat.corp.contoso.com, site: redmond, deployment: multiple-server, nextHop: fe-redmond, fileStore: fs, sipPort: 5041, poolPort: 9000, servers: [{fqdn: pc01.corp.contoso.com}], database: {store: sql-pc}}\n',
      );
      assert.deepEqual(codesOf(text), ['PC211']);
      const [finding] = findingsOf(text, 'PC211');
      assert.equal(textAt(text, finding), '9000');
      const after = assertFixWorks(text, finding.fixes[0]);
      assert.ok(after.includes('sipPort: 5041, poolPort: 8011, servers:'), after);
      assert.deepEqual(codesOf(after), []);
    });

    it('keeps CRLF line ends', () => {
      const text = contoso('    sipPort: 5061   # firewall rule 42').replace(/\n/g, '\r\n');
      const after = assertFixWorks(text, findingsOf(text, 'PC211')[0].fixes[0]);
      assert.ok(!/(^|[^\r])\n/.test(after));
    });

    it('offers no fix that brings in a new error when the ports are swapped', () => {
      // Ports swapped: putting the SIP port back to 5041 alone would make both ports 5041 (PC216).
      const text = contoso('    sipPort: 8011\n    poolPort: 5041');
      assert.deepEqual(codesOf(text), ['PC211']);
      for (const finding of findingsOf(text, 'PC211')) {
        for (const fix of finding.fixes) assert.deepEqual(newErrors(text, applyFix(text, fix)).map((f) => f.code), [], `fix "${fix.title}" on ${textAt(text, finding)}`);
      }
    });
  });
});
