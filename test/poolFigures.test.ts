import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete } from '../server/src/service/features/completion';
import { hover } from '../server/src/service/features/hover';
import { analyze } from '../server/src/service/languageService';
import { readExample } from './helpers';

const EE = readExample('ee-multiple-server.topology.yaml');
const docsUri = (id: string) => `https://example.test/rules/${id}.md`;

/** The ee-multiple-server example with the planning lines the caller gives after its provisioned users. */
const planned = (lines: string) => EE.replace('    provisionedUsers: 140000\n', `    provisionedUsers: 140000\n${lines}`);

/** The position of the `nth` character of the first occurrence of `needle`. */
function at(text: string, needle: string, nth = 0) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `no ${needle}`);
  const before = text.slice(0, offset + nth).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const poolHover = (text: string) => hover(analyze(text), at(text, 'id: pchat', 5), docsUri)?.markdown ?? '';

describe('pool hover: chat room access figures against their limits', () => {
  it('shows planned access control entries and invitations with their share of the limits', () => {
    const markdown = poolHover(planned('    accessControlEntries: 731088\n    invitations: 100000\n'));
    assert.ok(markdown.includes('Chat room access: **731,088** access control entries of at most 2,000,000 (37%) · **100,000** invitations of at most 1,000,000 (10%)'), markdown);
  });

  it('marks a figure over its limit with PC219', () => {
    const markdown = poolHover(planned('    invitations: 1160000\n'));
    assert.ok(markdown.includes('**1,160,000** invitations of at most 1,000,000 (116%), over the limit (PC219)'), markdown);
  });

  it('shows the limits of figures the pool does not plan', () => {
    const markdown = poolHover(EE);
    assert.ok(markdown.includes('Chat room access: access control entries not planned (at most 2,000,000) · invitations not planned (at most 1,000,000)'), markdown);
  });
});

describe('timeZone value completion', () => {
  it("offers the Windows time-zone names, each with its IANA zone, for a Front End pool's, a pool's and a server's timeZone", () => {
    const frontEnd = EE.replace('    fileStore: fs\n\npersistentChatPools:', '    fileStore: fs\n    timeZone: \n\npersistentChatPools:');
    const pool = planned('    timeZone: \n');
    const server = EE.replace('      - fqdn: pc05.corp.contoso.com\n', '      - fqdn: pc05.corp.contoso.com\n        timeZone: \n');
    for (const text of [frontEnd, pool, server]) {
      const entries = complete(analyze(text), at(text, 'timeZone: ', 'timeZone: '.length));
      const labels = entries.map((e) => e.label);
      for (const name of ['Pacific Standard Time', 'Eastern Standard Time', 'GMT Standard Time', 'W. Europe Standard Time', 'Tokyo Standard Time', 'UTC']) {
        assert.ok(labels.includes(name), `${name} missing`);
      }
      assert.equal(new Set(labels).size, labels.length, 'a name is offered twice');
      const pacific = entries.find((e) => e.label === 'Pacific Standard Time')!;
      assert.equal(pacific.kind, 'value');
      assert.equal(pacific.insertText, 'Pacific Standard Time');
      assert.match(pacific.detail ?? '', /America\/Los_Angeles/);
    }
  });

  it('offers no time zones for other values', () => {
    const text = EE.replace('dataCenter: portland\n      - fqdn: pc06', 'dataCenter: \n      - fqdn: pc06');
    const labels = complete(analyze(text), at(text, 'dataCenter: \n', 'dataCenter: '.length)).map((e) => e.label);
    assert.deepEqual(labels.sort(), ['portland', 'seattle']);
  });
});
