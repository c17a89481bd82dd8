import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, readExample, textAt } from '../helpers';
import { change, CONTOSO_EE, soleFinding } from './fixtures';

/** Contoso with its file store fs on the computer the caller gives. */
const contoso = (fqdn: string) => change(CONTOSO_EE, '    fqdn: fs01.corp.contoso.com\n', `    fqdn: ${fqdn}\n`);

describe('PC115 a file store is on an Enterprise Edition Front End server', () => {
  it('reports a file store on a Front End server, naming the store, the server and its pool', () => {
    const text = contoso('fe02.corp.contoso.com');
    const finding = soleFinding(text, 'PC115', 'error');
    assert.equal(textAt(text, finding), 'fe02.corp.contoso.com');
    assert.match(finding.message, /^File store 'fs' is on 'fe02\.corp\.contoso\.com', a Front End server of Enterprise Edition pool 'fe'/);
    assert.match(finding.message, /cannot be located on an Enterprise Edition Front End server/);
    assert.equal(finding.related.length, 1);
    assert.equal(textAt(text, finding.related[0]), 'fe02.corp.contoso.com');
    assert.notEqual(finding.related[0].range.start.line, finding.range.start.line);
    assert.deepEqual(finding.fixes, []);
  });

  it("reports a file store on the pool's FQDN, related to the pool FQDN", () => {
    const text = contoso('pool01.corp.contoso.com');
    const finding = soleFinding(text, 'PC115', 'error');
    assert.equal(textAt(text, finding), 'pool01.corp.contoso.com');
    assert.match(finding.message, /'pool01\.corp\.contoso\.com', the pool FQDN of Enterprise Edition pool 'fe'/);
    assert.equal(textAt(text, finding.related[0]), 'pool01.corp.contoso.com');
    assert.match(finding.related[0].message, /^Pool FQDN of Front End pool 'fe'$/);
  });

  it('compares FQDNs without regard to letter case', () => {
    const text = contoso('FE01.Corp.Contoso.com');
    assert.equal(textAt(text, soleFinding(text, 'PC115')), 'FE01.Corp.Contoso.com');
  });

  it('reports a file store that no pool uses', () => {
    const text = change(CONTOSO_EE, '    site: redmond\n\nfrontEndPools:', '    site: redmond\n  - id: fs-spare\n    fqdn: fe01.corp.contoso.com\n    share: spare\n    site: redmond\n\nfrontEndPools:');
    assert.match(soleFinding(text, 'PC115').message, /^File store 'fs-spare'/);
  });

  it("near miss: a file store on a Standard Edition server (se-sql-express, on the server's own FQDN) is supported", () => {
    const text = readExample('se-sql-express.topology.yaml');
    assert.match(text, /fileStores:\n  - id: fs\n    fqdn: lync01\.litware\.local\n/);
    assert.deepEqual(codesOf(text), []);
  });

  it('near miss: a file store on the back-end SQL Server of the pool is supported', () => {
    assert.deepEqual(codesOf(contoso('sqlbe01.corp.contoso.com')), []);
  });

  it('does not judge a file store on a Front End pool whose edition the schema rejected: PC002 only', () => {
    const text = change(contoso('fe01.corp.contoso.com'), '    edition: enterprise\n    fqdn: pool01', '    edition: Enterprise\n    fqdn: pool01');
    assert.deepEqual(codesOf(text), ['PC002']);
  });
});
