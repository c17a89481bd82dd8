import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { CONTOSO_EE, soleFinding, change } from './fixtures';
import type { Finding } from '../../server/src/service/types';

/** A valid Enterprise Edition topology in AD DS domain corp.contoso.com; each case moves one server. */
const CONTOSO = CONTOSO_EE;

const withServer2 = (fqdn: string) => change(CONTOSO, 'fqdn: pc02.corp.contoso.com', `fqdn: ${fqdn}`);

function onlyFinding(text: string): Finding {
  return soleFinding(text, 'PC007');
}

describe('PC007 Persistent Chat server outside the AD DS domain', () => {
  it('the unchanged fixture raises nothing', () => {
    assert.deepEqual(codesOf(CONTOSO), []);
  });

  it('a server in another domain: a warning on its FQDN naming server, pool and domain', () => {
    const text = withServer2('pc02.fabrikam.com');
    const finding = onlyFinding(text);
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding), 'pc02.fabrikam.com');
    assert.equal(
      finding.message,
      "Server 'pc02.fabrikam.com' of Persistent Chat pool 'pchat' is outside the AD DS domain 'corp.contoso.com'; Persistent Chat servers should be in the same domain as Lync Server.",
    );
    assert.equal(finding.related.length, 1);
    assert.equal(textAt(text, finding.related[0]), 'corp.contoso.com');
    assert.equal(finding.related[0].range.start.line, 2);
    assert.deepEqual(finding.fixes, [], 'the catalog offers no quick fix for PC007');
  });

  it('the domain must match whole labels: xcorp.contoso.com is not corp.contoso.com', () => {
    const text = withServer2('pc02.xcorp.contoso.com');
    assert.equal(textAt(text, onlyFinding(text)), 'pc02.xcorp.contoso.com');
  });

  it('the parent domain is outside too', () => {
    const text = withServer2('pc02.contoso.com');
    assert.equal(textAt(text, onlyFinding(text)), 'pc02.contoso.com');
  });

  it('each server outside the domain is one finding', () => {
    let text = withServer2('pc02.fabrikam.com');
    text = change(text, 'fqdn: pc01.corp.contoso.com', 'fqdn: pc01.fabrikam.com');
    assert.deepEqual(codesOf(text), ['PC007']);
    assert.deepEqual(
      findingsOf(text, 'PC007').map((f) => textAt(text, f)),
      ['pc01.fabrikam.com', 'pc02.fabrikam.com'],
    );
  });

  it('near miss: FQDN and domain are compared case-insensitively', () => {
    assert.deepEqual(codesOf(withServer2('PC02.CORP.CONTOSO.COM')), []);
    assert.deepEqual(codesOf(change(CONTOSO, 'domain: corp.contoso.com', 'domain: Corp.Contoso.COM')), []);
  });

  it('near miss: a domain the schema rejects is PC002 only, servers are not judged against it', () => {
    const text = change(CONTOSO, 'domain: corp.contoso.com', 'domain: "corp contoso"');
    assert.deepEqual(codesOf(text), ['PC002']);
  });

  it('the severity follows configuration', () => {
    const text = withServer2('pc02.fabrikam.com');
    assert.equal(findingsOf(text, 'PC007', { rules: { PC007: 'error' } })[0].severity, 'error');
    assert.deepEqual(findingsOf(text, 'PC007', { rules: { PC007: 'off' } }), []);
  });
});
