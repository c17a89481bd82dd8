import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codesOf, findingsOf, newErrors, textAt, unchangedOutside } from '../helpers';
import { change, NORTHWIND, northwindSql, withNorthwindSql } from './fixtures';

/** Northwind (the se-next-hop example) with a compliance map of the caller's choosing. */
const northwind = (compliance: string) =>
  `${change(
    withNorthwindSql(NORTHWIND, northwindSql('sql-comp', 'sql02', 'PCHATCOMP') + northwindSql('sql-comp-mirror', 'sql03', 'PCHATCOMP')),
    '# Northwind branch office\n',
    '# Northwind branch, compliance not yet approved by legal\n',
  )}${compliance}\n    # the pool keeps its files on the SE server's share\n`;

const ONE_STORE = `    compliance:
      enabled: false   # legal has not signed off
      store: sql-comp`;

const TWO_STORES = `    compliance:
      # turned off until the audit
      enabled: false
      store: sql-comp
      mirror: sql-comp-mirror`;

describe('PC108 compliance disabled but compliance stores given', () => {
  it('warns on the ignored store key and its value, naming the pool and the key', () => {
    const text = northwind(ONE_STORE);
    assert.deepEqual(codesOf(text), ['PC108']);
    const [finding] = findingsOf(text, 'PC108');
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding), 'store: sql-comp');
    assert.match(finding.message, /'pchat'/);
    assert.match(finding.message, /'store' is ignored/);
    assert.deepEqual(finding.tags, ['unnecessary']);
    assert.equal(finding.related.length, 1);
    assert.equal(textAt(text, finding.related[0]), 'false');
  });

  it('covers every ignored key in one finding', () => {
    const text = northwind(TWO_STORES);
    assert.deepEqual(codesOf(text), ['PC108']);
    const findings = findingsOf(text, 'PC108');
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0]), 'store: sql-comp\n      mirror: sql-comp-mirror');
    assert.match(findings[0].message, /'store', 'mirror' are ignored/);
  });

  it('is silent when compliance is enabled with the same store', () => {
    const text = northwind(ONE_STORE.replace('enabled: false', 'enabled: true'));
    assert.deepEqual(codesOf(text), []);
  });

  it('is silent when compliance is disabled and names no store', () => {
    const text = northwind(`    compliance:
      enabled: false`);
    assert.deepEqual(codesOf(text), []);
  });

  it('does not judge a compliance map whose enabled value the schema rejected', () => {
    const text = northwind(ONE_STORE.replace('enabled: false', 'enabled: off-for-now'));
    assert.deepEqual(codesOf(text), ['PC002']);
  });

  describe('quick fix: remove the unused keys', () => {
    const check = (text: string, expected: string) => {
      const [finding] = findingsOf(text, 'PC108');
      assert.equal(finding.fixes.length, 1);
      const [fix] = finding.fixes;
      assert.equal(fix.isPreferred, true);
      assert.equal(fix.safe, true);
      const after = applyFix(text, fix);
      assert.deepEqual(findingsOf(after, 'PC108'), []);
      assert.deepEqual(newErrors(text, after), []);
      assert.ok(unchangedOutside(text, after, fix));
      assert.ok(after.includes(expected), `expected:\n${expected}\nin:\n${after}`);
      for (const comment of text.match(/#[^\r\n]*/g) ?? []) assert.ok(after.includes(comment), `comment lost: ${comment}`);
      return after;
    };

    it('removes one store line and keeps the comments', () => {
      const after = check(northwind(ONE_STORE), `    compliance:\n      enabled: false   # legal has not signed off\n    # the pool keeps`);
      assert.ok(!after.includes('store: sql-comp'));
    });

    it('removes every ignored key of a block map', () => {
      const after = check(northwind(TWO_STORES), `    compliance:\n      # turned off until the audit\n      enabled: false\n    # the pool keeps`);
      assert.ok(!/mirror: sql-comp-mirror/.test(after));
    });

    it('removes the key from a flow map', () => {
      const text = northwind(`    compliance: {enabled: false, store: sql-comp}  # off for now`);
      assert.deepEqual(codesOf(text), ['PC108']);
      assert.equal(textAt(text, findingsOf(text, 'PC108')[0]), 'store: sql-comp');
      check(text, `    compliance: {enabled: false}  # off for now\n`);
    });

    it('removes leading and trailing keys from a flow map', () => {
      const text = northwind(`    compliance: {store: sql-comp, enabled: false, mirror: sql-comp-mirror}`);
      check(text, `    compliance: {enabled: false}\n`);
    });

    it('keeps CRLF line ends', () => {
      const text = northwind(TWO_STORES).replace(/\n/g, '\r\n');
      const after = check(text, `    compliance:\r\n      # turned off until the audit\r\n      enabled: false\r\n    # the pool keeps`);
      assert.ok(!/(^|[^\r])\n/.test(after), 'a bare LF was written into a CRLF file');
    });
  });
});
