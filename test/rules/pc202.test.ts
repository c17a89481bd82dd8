import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codesOf, findingsOf, newErrors, readExample, textAt, unchangedOutside } from '../helpers';
import { change, changes, FABRIKAM, LITWARE } from './fixtures';

/** Fabrikam's file store fs, in site seattle, as the ee-single-server example has it. */
const FABRIKAM_FS = `fileStores:
  - id: fs
    fqdn: fs01.corp.fabrikam.com
    share: lyncshare
    site: seattle
`;

/** `text` (a Fabrikam) with the deployment the caller gives, and a comment on it. */
const fabrikamWith = (text: string, deployment: string) =>
  change(text, '    deployment: single-server\n', `    deployment: ${deployment}   # Topology Builder default was kept\n`);

/**
 * Fabrikam (the ee-single-server example) with the deployment the caller gives. Its pool has a file store, as the
 * example's has, so that the pool needs nothing but its deployment to be a multiple-server pool (PC116).
 */
const fabrikam = (deployment: string) =>
  fabrikamWith(
    changes(FABRIKAM, [
      ['    site: seattle\n\nfrontEndPools:', `    site: seattle\n\n${FABRIKAM_FS}\nfrontEndPools:`],
      ['    nextHop: fe\n', '    nextHop: fe\n    fileStore: fs\n'],
    ]),
    deployment,
  );

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

  it('near miss: a single-server pool collocated on a Standard Edition server, which can never grow either way', () => {
    const text = change(LITWARE, '    deployment: multiple-server\n', '    deployment: single-server\n');
    assert.deepEqual(codesOf(text), []);
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
        'persistentChatPools:\n  - {id: pchat, fqdn: pc01.corp.fabrikam.com, site: seattle, deployment: single-server, nextHop: fe, fileStore: fs, servers: [{fqdn: pc01.corp.fabrikam.com}], database: {store: sql-pchat}}  # Topology Builder default was kept\n',
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

    it('leaves PC116 and nothing else new on a pool with no file store, which a multiple-server pool needs', () => {
      const text = fabrikamWith(FABRIKAM, 'single-server');
      assert.doesNotMatch(text, /fileStore/);
      assert.deepEqual(codesOf(text), ['PC202']);
      const [fix] = findingsOf(text, 'PC202')[0].fixes;
      const after = applyFix(text, fix);
      assert.deepEqual(findingsOf(after, 'PC202'), []);
      assert.deepEqual(codesOf(after), ['PC116']);
      assert.deepEqual(findingsOf(after, 'PC116').map((f) => f.severity), ['warning']);
      assert.deepEqual(newErrors(text, after), []);
      assert.ok(unchangedOutside(text, after, fix));
      assert.match(after, /deployment: multiple-server {3}# Topology Builder default was kept\r?\n/);
    });
  });
});
