import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, readExample, textAt } from '../helpers';
import { change, changes, CONTOSO_EE, contosoSql, FABRIKAM, soleFinding, withContosoSql } from './fixtures';

/** Contoso with the Persistent Chat pool's FQDN the caller gives. */
const contoso = (fqdn: string) => change(CONTOSO_EE, '    fqdn: pchat.corp.contoso.com\n', `    fqdn: ${fqdn}\n`);

/** Contoso with a second Persistent Chat pool pchat-2 (servers pc03, database on its own SQL Server) named `fqdn`. */
const contosoTwoPools = (fqdn: string) =>
  withContosoSql(CONTOSO_EE, contosoSql('sql-pc2', 'sqlpc02', 'PCHAT')) +
  `  - id: pchat-2
    fqdn: ${fqdn}
    site: redmond
    deployment: multiple-server
    nextHop: fe
    servers:
      - fqdn: pc03.corp.contoso.com
    database:
      store: sql-pc2
    fileStore: fs
`;

/** Fabrikam with a second single-server pool pchat-b named `fqdn` on server `server`, its database on its own SQL Server. */
const fabrikamTwoPools = (fqdn: string, server: string) =>
  change(FABRIKAM, '    site: seattle\n\nfrontEndPools:', '    site: seattle\n  - id: sql-pchat-b\n    fqdn: sqlpc02.corp.fabrikam.com\n    instance: PCHAT\n    edition: enterprise\n    site: seattle\n\nfrontEndPools:') +
  `  - id: pchat-b
    fqdn: ${fqdn}
    site: seattle
    deployment: single-server
    nextHop: fe
    servers:
      - fqdn: ${server}
    database:
      store: sql-pchat-b
`;

describe("PC008 two pools share an FQDN, or a Persistent Chat pool has a Front End server's FQDN", () => {
  it('reports the second of two Persistent Chat pools with one FQDN, related to the first', () => {
    const text = contosoTwoPools('PCHAT.corp.contoso.com');
    const finding = soleFinding(text, 'PC008', 'error');
    assert.equal(textAt(text, finding), 'PCHAT.corp.contoso.com');
    assert.equal(
      finding.message,
      "'PCHAT.corp.contoso.com' is the FQDN of Persistent Chat pool 'pchat' and of Persistent Chat pool 'pchat-2'; each pool needs an FQDN of its own, its name in DNS.",
    );
    assert.equal(textAt(text, finding.related[0]), 'pchat.corp.contoso.com');
    assert.equal(finding.related[0].message, "FQDN of Persistent Chat pool 'pchat'");
    assert.deepEqual(finding.fixes, []);
  });

  it("reports a Persistent Chat pool with the Front End pool's FQDN", () => {
    const text = contoso('pool01.corp.contoso.com');
    const finding = soleFinding(text, 'PC008', 'error');
    assert.equal(finding.range.start.line, text.split('\n').indexOf('  - id: pchat') + 1);
    assert.match(finding.message, /FQDN of Front End pool 'fe' and of Persistent Chat pool 'pchat'/);
    assert.equal(textAt(text, finding.related[0]), 'pool01.corp.contoso.com');
  });

  it('reports two Front End pools with one FQDN', () => {
    const text =
      change(withContosoSql(CONTOSO_EE, contosoSql('sql-be2', 'sqlbe02', 'RTC')), '    fileStore: fs\n\npersistentChatPools:', '    fileStore: fs\n  - id: fe-2\n    edition: enterprise\n    fqdn: pool01.corp.contoso.com\n    site: redmond\n    servers: [fe03.corp.contoso.com]\n    backEnd: sql-be2\n\npersistentChatPools:');
    const finding = soleFinding(text, 'PC008');
    assert.match(finding.message, /FQDN of Front End pool 'fe' and of Front End pool 'fe-2'/);
  });

  it("reports a Persistent Chat pool named after a Front End server, related to the server", () => {
    const text = contoso('fe02.corp.contoso.com');
    const finding = soleFinding(text, 'PC008');
    assert.equal(textAt(text, finding), 'fe02.corp.contoso.com');
    assert.equal(
      finding.message,
      "Persistent Chat pool 'pchat' has FQDN 'fe02.corp.contoso.com', a Front End server of Enterprise Edition pool 'fe'; a pool needs an FQDN of its own, its name in DNS.",
    );
    assert.equal(textAt(text, finding.related[0]), 'fe02.corp.contoso.com');
    assert.equal(finding.related[0].message, "Front End server of Front End pool 'fe'");
  });

  it('reports a Persistent Chat pool named after a Standard Edition server it does not run on (se-next-hop)', () => {
    const text = change(readExample('se-next-hop.topology.yaml'), 'fqdn: pchatpool.corp.northwind.com', 'fqdn: se01.corp.northwind.com');
    const finding = soleFinding(text, 'PC008');
    assert.match(finding.message, /^'se01\.corp\.northwind\.com' is the FQDN of Front End pool 'se' and of Persistent Chat pool 'pchat'/);
    assert.equal(textAt(text, finding.related[0]), 'se01.corp.northwind.com');
  });

  describe('near misses', () => {
    it("a pool collocated on a Standard Edition server takes that server's FQDN (se-sql-express)", () => {
      const text = readExample('se-sql-express.topology.yaml');
      assert.match(text, /  - id: pchat\n    fqdn: lync01\.litware\.local\n/);
      assert.deepEqual(codesOf(text), []);
    });

    it("a single-server pool takes its own server's FQDN (Fabrikam)", () => {
      assert.deepEqual(codesOf(FABRIKAM), ['PC202']);
    });

    it('two pools with their own FQDNs', () => {
      assert.deepEqual(codesOf(contosoTwoPools('pchat2.corp.contoso.com')), []);
    });
  });

  describe('one fault, one finding', () => {
    it('two single-server pools on one computer, each named after it: PC006 only', () => {
      assert.deepEqual(codesOf(fabrikamTwoPools('pc01.corp.fabrikam.com', 'pc01.corp.fabrikam.com')), ['PC006', 'PC202']);
    });

    it('a single-server pool on an Enterprise Edition Front End server and named after it: PC101 only', () => {
      const text = changes(FABRIKAM, [
        ['    fqdn: pc01.corp.fabrikam.com\n    site', '    fqdn: fe01.corp.fabrikam.com\n    site'],
        ['      - fqdn: pc01.corp.fabrikam.com\n', '      - fqdn: fe01.corp.fabrikam.com\n'],
      ]);
      assert.deepEqual(codesOf(text), ['PC101', 'PC202']);
    });

    it("a single-server pool named after another pool instead of its server: PC209 only", () => {
      assert.deepEqual(codesOf(fabrikamTwoPools('pc01.corp.fabrikam.com', 'pc02.corp.fabrikam.com')), ['PC202', 'PC209']);
    });

    it('a pool whose FQDN the schema rejected: PC002 only', () => {
      const text = change(contosoTwoPools('pchat.corp.contoso.com'), '  - id: pchat\n    fqdn: pchat.corp.contoso.com\n', '  - id: pchat\n    fqdn: pchat.corp.contoso.com.\n');
      assert.deepEqual(codesOf(text), ['PC002']);
    });
  });
  it("leaves a Persistent Chat pool installed on a Front End pool, named after it and on its servers, to PC101", () => {
    const onFrontEnd = change(
      contoso('pool01.corp.contoso.com'),
      '      - fqdn: pc01.corp.contoso.com\n      - fqdn: pc02.corp.contoso.com\n',
      '      - fqdn: fe01.corp.contoso.com\n      - fqdn: fe02.corp.contoso.com\n',
    );
    assert.deepEqual(codesOf(onFrontEnd), ['PC101']);
  });

  it('still reports a Persistent Chat pool named after a Front End pool when only some of its servers are Front End servers', () => {
    const partly = change(contoso('pool01.corp.contoso.com'), '      - fqdn: pc01.corp.contoso.com\n', '      - fqdn: fe01.corp.contoso.com\n');
    assert.deepEqual(codesOf(partly), ['PC008', 'PC101']);
  });
});
