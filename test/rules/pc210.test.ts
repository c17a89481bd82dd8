import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { change, NORTHWIND } from './fixtures';

/** Northwind (se-next-hop) with the global catalog and admin consoles the caller gives. */
const northwind = (top: string, consoles: string) =>
  `${change(NORTHWIND, 'domain: corp.northwind.com\n\n', `domain: corp.northwind.com\n${top}\n`)}\n${consoles}`;

const GC = 'globalCatalog: gc01.northwind.com   # forest root';
const ONE_CONSOLE = 'adminConsoles:   # Control Panel\n  - fqdn: admin01.corp.northwind.com\n';

describe('PC210 admin console prerequisites', () => {
  describe('no global catalog', () => {
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
  });

  describe('admin console outside the AD DS domain', () => {
    it('reports the console FQDN, naming it and the domain', () => {
      const text = northwind(GC, ONE_CONSOLE + '  - fqdn: admin02.fabrikam.com   # vendor laptop\n');
      assert.deepEqual(codesOf(text), ['PC210']);
      const findings = findingsOf(text, 'PC210');
      assert.equal(findings.length, 1);
      const [finding] = findings;
      assert.equal(textAt(text, finding), 'admin02.fabrikam.com');
      assert.match(finding.message, /'admin02\.fabrikam\.com'/);
      assert.match(finding.message, /'corp\.northwind\.com'/);
      assert.equal(textAt(text, finding.related[0]), 'corp.northwind.com');
    });

    it('does not take a name that merely ends with the domain text for a member', () => {
      const text = northwind(GC, 'adminConsoles:\n  - fqdn: admin01.evilcorp.northwind.com.example.org\n  - fqdn: admincorp.northwind.com\n');
      assert.deepEqual(findingsOf(text, 'PC210').map((f) => textAt(text, f)), ['admin01.evilcorp.northwind.com.example.org', 'admincorp.northwind.com']);
    });

    it('compares the domain without regard to letter case', () => {
      assert.deepEqual(codesOf(northwind(GC, 'adminConsoles:\n  - fqdn: ADMIN01.Corp.Northwind.COM\n')), []);
    });

    it('reports both faults of a console outside the domain with no global catalog', () => {
      const text = northwind('', 'adminConsoles:\n  - fqdn: admin01.contoso.com\n');
      assert.deepEqual(findingsOf(text, 'PC210').map((f) => textAt(text, f)), ['adminConsoles', 'admin01.contoso.com']);
    });

    it('does not judge a console FQDN the schema rejected', () => {
      assert.deepEqual(codesOf(northwind(GC, 'adminConsoles:\n  - fqdn: "admin 01"\n')), ['PC002']);
    });
  });
});
