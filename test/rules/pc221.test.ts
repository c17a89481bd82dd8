import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { change, NORTHWIND } from './fixtures';

/** Northwind (se-next-hop) with a global catalog and the admin consoles the caller lists. */
const northwind = (consoles: string) =>
  `${change(NORTHWIND, 'domain: corp.northwind.com\n', 'domain: corp.northwind.com\nglobalCatalog: gc01.northwind.com   # forest root\n')}\nadminConsoles:\n${consoles}`;

describe('PC221 an admin console outside the AD DS domain of the topology', () => {
  it('reminds on the console FQDN, naming it and the domain', () => {
    const text = northwind('  - fqdn: admin01.corp.northwind.com\n  - fqdn: admin02.fabrikam.com   # vendor laptop\n');
    assert.deepEqual(codesOf(text), ['PC221']);
    const findings = findingsOf(text, 'PC221');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'information');
    assert.equal(textAt(text, finding), 'admin02.fabrikam.com');
    assert.equal(
      finding.message,
      "Admin console 'admin02.fabrikam.com' is outside the AD DS domain 'corp.northwind.com'; check that its domain is in the Active Directory forest of Lync Server.",
    );
    assert.equal(textAt(text, finding.related[0]), 'corp.northwind.com');
    assert.deepEqual(finding.fixes, []);
  });

  it('does not take a name that merely ends with the domain text for a member', () => {
    const text = northwind('  - fqdn: admin01.corp.northwind.com.example.org\n  - fqdn: admincorp.northwind.com\n');
    assert.deepEqual(findingsOf(text, 'PC221').map((f) => textAt(text, f)), ['admin01.corp.northwind.com.example.org', 'admincorp.northwind.com']);
  });

  it('counts child domains as inside and ignores letter case', () => {
    assert.deepEqual(codesOf(northwind('  - fqdn: admin01.emea.corp.northwind.com\n  - fqdn: ADMIN02.Corp.Northwind.COM\n')), []);
  });

  it('does not judge a console FQDN the schema rejected', () => {
    assert.deepEqual(codesOf(northwind('  - fqdn: "admin 01"\n')), ['PC002']);
  });

  it('is reported alongside a missing global catalog (PC210), each fault once', () => {
    const text = `${NORTHWIND}\nadminConsoles:\n  - fqdn: admin01.contoso.com\n`;
    assert.deepEqual(codesOf(text), ['PC210', 'PC221']);
    assert.equal(textAt(text, findingsOf(text, 'PC210')[0]), 'adminConsoles');
    assert.equal(textAt(text, findingsOf(text, 'PC221')[0]), 'admin01.contoso.com');
  });
});
