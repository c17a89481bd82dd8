import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codesOf, findingsOf, newErrors, readExample, textAt, unchangedOutside } from '../helpers';
import { change, FABRIKAM } from './fixtures';

/** Fabrikam (the ee-single-server example) with the deployment and servers the caller gives. */
const fabrikam = (deployment: string) => change(FABRIKAM, '    deployment: single-server\n', `    deployment: ${deployment}   # Topology Builder default was kept\n`);

describe('PC202 a single-server pool can never grow', () => {
  it('hints on the deployment value, naming the pool', () => {
    const text = fabrikam('single-server');
    assert.deepEqual(codesOf(text), ['PC202']);
    const findings = findingsOf(text, 'PC202');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'hint');
    assert.equal(textAt(text, finding), 'single-server');
    assert.match(finding.message, /'pchat'/);
    assert.match(finding.message, /multiple-server/);
  });

  it('hints on the ee-single-server example', () => {
    const text = readExample('ee-single-server.topology.yaml');
    const [finding] = findingsOf(text, 'PC202');
    assert.equal(textAt(text, finding), 'single-server');
  });

  it('is silent for a multiple-server pool with one server', () => {
    assert.deepEqual(codesOf(fabrikam('multiple-server')), []);
  });

  it('can be turned off by configuration', () => {
    assert.deepEqual(codesOf(fabrikam('single-server'), { rules: { PC202: 'off' } }), []);
  });

  it('does not judge a deployment the schema rejected', () => {
    assert.deepEqual(codesOf(fabrikam('Single-Server')), ['PC002']);
  });

  describe("quick fix: change 'deployment' to 'multiple-server'", () => {
    const check = (text: string) => {
      const [finding] = findingsOf(text, 'PC202');
      assert.equal(finding.fixes.length, 1);
      const [fix] = finding.fixes;
      assert.equal(fix.isPreferred, true);
      assert.equal(fix.safe, false);
      const after = applyFix(text, fix);
      assert.deepEqual(findingsOf(after, 'PC202'), []);
      assert.deepEqual(codesOf(after), []);
      assert.deepEqual(newErrors(text, after), []);
      assert.ok(unchangedOutside(text, after, fix));
      for (const comment of text.match(/#[^\r\n]*/g) ?? []) assert.ok(after.includes(comment), `comment lost: ${comment}`);
      assert.match(after, /deployment: multiple-server {3}# Topology Builder default was kept\r?\n/);
      return after;
    };

    it('changes the value and keeps the comment', () => {
      check(fabrikam('single-server'));
    });

    it('changes the value in a flow-style pool entry', () => {
      const pool = /persistentChatPools:\n[\s\S]*$/;
      const text = fabrikam('single-server').replace(
        pool,
        'persistentChatPools:\n  - {id: pchat, fqdn: pc01.corp.fabrikam.com, site: seattle, deployment: single-server, nextHop: fe, servers: [{fqdn: pc01.corp.fabrikam.com}], database: {store: sql-pchat}}  # Topology Builder default was kept\n',
      );
      assert.deepEqual(codesOf(text), ['PC202']);
      const [finding] = findingsOf(text, 'PC202');
      assert.equal(textAt(text, finding), 'single-server');
      const after = applyFix(text, finding.fixes[0]);
      assert.deepEqual(codesOf(after), []);
      assert.deepEqual(newErrors(text, after), []);
      assert.ok(unchangedOutside(text, after, finding.fixes[0]));
      assert.ok(after.includes('site: seattle, deployment: multiple-server, nextHop: fe,'), after);
      assert.ok(after.includes('# Topology Builder default was kept'));
    });

    it('keeps CRLF line ends', () => {
      const after = check(fabrikam('single-server').replace(/\n/g, '\r\n'));
      assert.ok(!/(^|[^\r])\n/.test(after));
    });
  });
});
