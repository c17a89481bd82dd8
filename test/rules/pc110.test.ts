import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { assertFixWorks as fixWorks, change, NORTHWIND, northwindSe } from './fixtures';
import type { QuickFix } from '../../server/src/service/types';

/** Northwind (se-next-hop example) with the Standard Edition server's entry of the caller's choosing. */
const northwind = (frontEnd: string) => change(NORTHWIND, northwindSe(), frontEnd);

const sePool = (servers: string) => northwindSe(servers, '   # local SQL Server Express');

function assertFixWorks(text: string, fix: QuickFix): string {
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.safe, false, 'removing servers the user listed needs a choice');
  const after = fixWorks(text, fix, 'PC110');
  assert.ok(!/servers:.*se0[12]/.test(after) && !/- se02/.test(after), after);
  return after;
}

describe('PC110 a Standard Edition server lists other servers', () => {
  const BLOCK = sePool('    # TODO check with the network team\n    servers:\n      - se01.corp.northwind.com\n      - se02.corp.northwind.com\n');

  it('reports the servers key, naming the server and the other computers', () => {
    const text = northwind(BLOCK);
    assert.deepEqual(codesOf(text), ['PC110']);
    const findings = findingsOf(text, 'PC110');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'servers');
    assert.match(finding.message, /'se'/);
    assert.match(finding.message, /se02\.corp\.northwind\.com/);
    assert.doesNotMatch(finding.message, /se01\.corp/, 'the server itself is not an "other" server');
  });

  it('removes the block servers list and keeps the rest of the map', () => {
    const text = northwind(BLOCK);
    const [finding] = findingsOf(text, 'PC110');
    assert.equal(finding.fixes.length, 1);
    const after = assertFixWorks(text, finding.fixes[0]);
    assert.ok(after.includes('    site: chicago\n    # TODO check with the network team\n    backEnd: se-express   # local SQL Server Express\n'), after);
  });

  it('removes a flow servers list', () => {
    const text = northwind(sePool('    servers: [se02.corp.northwind.com]\n'));
    assert.deepEqual(codesOf(text), ['PC110']);
    const after = assertFixWorks(text, findingsOf(text, 'PC110')[0].fixes[0]);
    assert.ok(after.includes('    site: chicago\n    backEnd: se-express'), after);
  });

  it('removes servers from a flow map entry', () => {
    const text = northwind('  - {id: se, edition: standard, fqdn: se01.corp.northwind.com, site: chicago, servers: [se02.corp.northwind.com], backEnd: se-express}\n');
    assert.deepEqual(codesOf(text), ['PC110']);
    const after = assertFixWorks(text, findingsOf(text, 'PC110')[0].fixes[0]);
    assert.ok(after.includes('  - {id: se, edition: standard, fqdn: se01.corp.northwind.com, site: chicago, backEnd: se-express}\n'), after);
  });

  it('keeps CRLF line ends', () => {
    const text = northwind(BLOCK).replace(/\n/g, '\r\n');
    const after = assertFixWorks(text, findingsOf(text, 'PC110')[0].fixes[0]);
    assert.ok(!/(^|[^\r])\n/.test(after));
  });

  it('accepts a servers list that names only the server itself, in any letter case', () => {
    const text = northwind(sePool('    servers: [SE01.Corp.Northwind.COM]\n'));
    assert.deepEqual(codesOf(text), []);
  });

  it('is silent for an Enterprise Edition pool with several servers', () => {
    const text = northwind(BLOCK.replace('edition: standard', 'edition: enterprise').replace(/se-express {3}# local SQL Server Express/, 'sql-be'))
      .replace('sqlStores:\n', 'sqlStores:\n  - id: sql-be\n    fqdn: sqlbe01.corp.northwind.com\n    edition: enterprise\n    site: chicago\n');
    assert.ok(!codesOf(text).includes('PC110'));
  });
});
