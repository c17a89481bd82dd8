import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../server/src/service/languageService';
import type { ValidationOptions } from '../../server/src/service/types';
import { readExample } from '../helpers';
import { cli } from './spawnCli';

/** A valid topology with a suppression comment that silences nothing: there is no PC105 finding on the next line. */
const UNUSED_SUPPRESSION = readExample('se-next-hop.topology.yaml').replace(/^(\s*)(fqdn: )/m, '$1# pchat-topology-disable-next-line PC105\n$1$2');

const codesFromService = (options: ValidationOptions) => validate(UNUSED_SUPPRESSION, options).map((f) => `${f.code} ${f.range.start.line}`);

function codesFromCli(...args: string[]): string[] {
  const run = cli(['check', '-', '--format', 'json', ...args], { input: UNUSED_SUPPRESSION });
  const [entry] = JSON.parse(run.stdout) as { diagnostics: { code: string; range: { start: { line: number } } }[] }[];
  return entry.diagnostics.map((d) => `${d.code} ${d.range.start.line}`);
}

describe('pchat-topology check --report-unused-suppressions', () => {
  it('passes reportUnusedSuppressions to the service: the unused comment is a PC009 finding', () => {
    const reported = codesFromCli('--report-unused-suppressions');
    assert.deepEqual(reported, codesFromService({ reportUnusedSuppressions: true }));
    assert.ok(reported.some((c) => c.startsWith('PC009 ')), reported.join(', '));
  });
  it('reports no unused suppression without it', () => {
    const plain = codesFromCli();
    assert.deepEqual(plain, codesFromService({}));
    assert.ok(!plain.some((c) => c.startsWith('PC009 ')), plain.join(', '));
  });
  it('is documented in the help', () => {
    assert.match(cli(['check', '--help']).stdout, /--report-unused-suppressions\n\s+Report each suppression comment/);
  });
});
