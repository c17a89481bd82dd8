import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { change, contosoStretched } from './fixtures';

const STANDBY = `      - fqdn: pc05.corp.contoso.com
        state: standby
        dataCenter: portland
`;

/** The stretched Contoso (pc01 in seattle, pc05 standby in portland) with more servers after pc05. */
const contoso = (servers: string) => change(contosoStretched(), STANDBY, STANDBY + servers);

const server = (n: number, dataCenter?: string) =>
  `      - fqdn: pc0${n}.corp.contoso.com\n        state: standby\n${dataCenter === undefined ? '' : `        dataCenter: ${dataCenter}\n`}`;

describe("PC218 a pool's servers in more than two data centers", () => {
  it('warns on the first server of the third data center, naming the pool and every data center', () => {
    const text = contoso(server(6, 'denver   # the old colo'));
    assert.deepEqual(codesOf(text), ['PC218']);
    const findings = findingsOf(text, 'PC218');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding), 'denver');
    assert.match(finding.message, /Persistent Chat pool 'pchat' has servers in 3 data centers \('seattle', 'portland', 'denver'\)/);
    assert.match(finding.message, /two physical data centers/);
    assert.deepEqual(finding.related.map((r) => textAt(text, r)), ['seattle', 'portland']);
    assert.deepEqual(finding.fixes, []);
  });

  it('reports a pool once however many data centers it spans', () => {
    const text = contoso(server(6, 'denver') + server(7, 'boise') + server(8, 'denver'));
    const findings = findingsOf(text, 'PC218');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /4 data centers/);
    assert.deepEqual(findings[0].related.map((r) => textAt(text, r)), ['seattle', 'portland', 'boise']);
  });

  it('is silent for two data centers (the stretched pool), data centers differing only in case being one', () => {
    assert.deepEqual(codesOf(contosoStretched()), []);
    assert.deepEqual(codesOf(contoso(server(6, 'Seattle') + server(7, 'PORTLAND'))), []);
  });

  it('does not count servers that name no data center', () => {
    assert.deepEqual(codesOf(contoso(server(6) + server(7))), []);
  });

  it("counts a pool's servers, not its SQL stores", () => {
    // The compliance stores stand in a third data center; PC218 counts only the pool's servers.
    const text = contosoStretched({ comp: 'denver', compMirror: 'denver' });
    assert.ok(!codesOf(text).includes('PC218'));
  });
});
