import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { changes, FABRIKAM, FABRIKAM_FE } from './fixtures';

const feServers = (n: number, indent = '      ') =>
  Array.from({ length: n }, (_, i) => `${indent}- fe${String(i + 1).padStart(2, '0')}.corp.fabrikam.com\n`).join('');

/** Fabrikam with a multiple-server Persistent Chat pool (with its file store) and a Front End pool whose servers the caller gives. */
const fabrikam = (frontEnd: string) =>
  changes(FABRIKAM, [
    ['# Fabrikam: Persistent Chat for the legal team\ntopology: Fabrikam single-server Persistent Chat\n', '# Fabrikam headquarters\ntopology: Fabrikam\n'],
    ['\nfrontEndPools:\n', '\nfileStores:\n  - id: fs\n    fqdn: fs01.corp.fabrikam.com\n    share: lync\n    site: seattle\n\nfrontEndPools:\n'],
    [FABRIKAM_FE, frontEnd],
    ['  - id: pchat\n    fqdn: pc01.corp.fabrikam.com\n', '  - id: pchat\n    fqdn: pchat.corp.fabrikam.com\n'],
    ['    deployment: single-server\n', '    deployment: multiple-server\n'],
    ['    nextHop: fe\n', '    nextHop: fe\n    fileStore: fs\n'],
  ]);

const eePool = (servers: string, edition = 'enterprise') => `  - id: fe
    edition: ${edition}
    fqdn: pool01.corp.fabrikam.com
    site: seattle
    servers:   # Front End servers
${servers}    backEnd: sql-be
`;

describe('PC111 an Enterprise Edition Front End pool has more than 12 servers', () => {
  it('reports 13 servers on the servers key, with the count and the limit', () => {
    const text = fabrikam(eePool(feServers(13)));
    assert.deepEqual(codesOf(text), ['PC111']);
    const findings = findingsOf(text, 'PC111');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'servers');
    assert.match(finding.message, /'fe'/);
    assert.match(finding.message, /\b13\b/);
    assert.match(finding.message, /\b12\b/);
    assert.deepEqual(finding.fixes, []);
  });

  it('reports a flow list of 14 servers', () => {
    const list = Array.from({ length: 14 }, (_, i) => `fe${i + 1}.corp.fabrikam.com`).join(', ');
    const text = fabrikam(`  - {id: fe, edition: enterprise, fqdn: pool01.corp.fabrikam.com, site: seattle, servers: [${list}], backEnd: sql-be}\n`);
    assert.deepEqual(codesOf(text), ['PC111']);
    const [finding] = findingsOf(text, 'PC111');
    assert.equal(textAt(text, finding), 'servers');
    assert.match(finding.message, /\b14\b/);
  });

  it('accepts exactly 12 Front End servers', () => {
    assert.deepEqual(codesOf(fabrikam(eePool(feServers(12)))), []);
  });

  it('leaves a Standard Edition entry with 13 servers to PC110', () => {
    const text = fabrikam(eePool(feServers(13), 'standard').replace('sql-be', 'se-express'))
      .replace('sqlStores:\n', 'sqlStores:\n  - id: se-express\n    fqdn: pool01.corp.fabrikam.com\n    instance: RTC\n    edition: express\n    site: seattle\n');
    assert.deepEqual(codesOf(text), ['PC110']);
  });

  it('counts only the servers the schema accepts', () => {
    const servers = feServers(12) + '      - "fe 13 corp fabrikam com"\n';
    const text = fabrikam(eePool(servers));
    assert.deepEqual(codesOf(text), ['PC002']);
  });
});
