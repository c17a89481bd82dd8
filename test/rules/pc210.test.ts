import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { change, NORTHWIND } from './fixtures';

/** Northwind (se-next-hop) with the global catalog and admin consoles the caller gives. */
const northwind = (top: string, consoles: string) =>
  `${change(NORTHWIND, 'domain: corp.northwind.com\n\n', `domain: corp.northwind.com\n${top}\n`)}\n${consoles}`;

const GC = 'globalCatalog: gc01.northwind.com   # forest root';
const ONE_CONSOLE = 'adminConsoles:   # Control Panel\n  - fqdn: admin01.corp.northwind.com\n';

describe('PC210 admin consoles without a global catalog', () => {
  it('reports the adminConsoles key', () => {
    const text = northwind('', ONE_CONSOLE);
    assert.deepEqual(codesOf(text), ['PC210']);
    const findings = findingsOf(text, 'PC210');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'adminConsoles');
    assert.match(finding.message, /globalCatalog/);
    assert.match(finding.message, /global catalog server in the forest root/);
    assert.deepEqual(finding.fixes, []);
  });

  it('reports a flow list of consoles once', () => {
    const text = northwind('', 'adminConsoles: [{fqdn: admin01.corp.northwind.com}, {fqdn: admin02.corp.northwind.com}]\n');
    assert.deepEqual(codesOf(text), ['PC210']);
    assert.equal(findingsOf(text, 'PC210').length, 1);
    assert.equal(textAt(text, findingsOf(text, 'PC210')[0]), 'adminConsoles');
  });

  it('is silent with a global catalog', () => {
    assert.deepEqual(codesOf(northwind(GC, ONE_CONSOLE)), []);
  });

  it('is silent when no admin console is listed', () => {
    assert.deepEqual(codesOf(northwind('', '')), []);
    assert.deepEqual(codesOf(northwind('', 'adminConsoles: []\n')), []);
  });

  it('does not report a missing global catalog when the one given was rejected by the schema', () => {
    assert.deepEqual(codesOf(northwind('globalCatalog: "gc01 northwind com"', ONE_CONSOLE)), ['PC002']);
  });

  it('leaves a console outside the domain to PC221', () => {
    assert.deepEqual(codesOf(northwind(GC, ONE_CONSOLE + '  - fqdn: admin02.fabrikam.com   # vendor laptop\n')), ['PC221']);
  });
});
