/**
 * Messages are never cut in the middle: a message names every entity and FQDN involved and ends as written; the only
 * thing shortened is a single quoted value that is itself over-long (the user's own text, which can be a megabyte),
 * which keeps its head and ends in '…'.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { validate } from '../server/src/service/languageService';
import { findingsOf, REPO } from './helpers';
import { change, changes, CONTOSO_EE } from './rules/fixtures';

/** CONTOSO_EE with its Front End pool renamed 'fe-std', made Standard Edition, and a third server. */
const STANDARD_WITH_SERVERS = changes(CONTOSO_EE, [
  ['  - id: fe\n    edition: enterprise\n', '  - id: fe-std\n    edition: standard\n'],
  ['      - fe02.corp.contoso.com\n', '      - fe02.corp.contoso.com\n      - fe03.corp.contoso.com\n'],
  ['    nextHop: fe\n', '    nextHop: fe-std\n'],
]);

const LONG_ID = `pool-${'a'.repeat(495)}`;

describe('messages are not cut in the middle', () => {
  it("PC110 names every server of the Standard Edition pool and ends with \"'servers' must be left out.\"", () => {
    const findings = findingsOf(STANDARD_WITH_SERVERS, 'PC110');
    assert.equal(findings.length, 1, findings.map((f) => f.message).join(' | '));
    const { message } = findings[0];
    assert.match(message, /'fe-std'/);
    for (const fqdn of ['fe01.corp.contoso.com', 'fe02.corp.contoso.com', 'fe03.corp.contoso.com']) assert.ok(message.includes(fqdn), `${fqdn} is missing: ${message}`);
    assert.ok(message.endsWith("'servers' must be left out."), message);
    assert.ok(!message.includes('…'), message);
  });

  it('a long list of servers is not shortened either', () => {
    const servers = Array.from({ length: 10 }, (_, i) => `      - fe${String(i + 1).padStart(2, '0')}.corp.contoso.com\n`).join('');
    const text = change(STANDARD_WITH_SERVERS, '      - fe01.corp.contoso.com\n      - fe02.corp.contoso.com\n      - fe03.corp.contoso.com\n', servers);
    const [{ message }] = findingsOf(text, 'PC110');
    for (let i = 1; i <= 10; i++) assert.ok(message.includes(`fe${String(i).padStart(2, '0')}.corp.contoso.com`), message);
    assert.ok(message.endsWith("'servers' must be left out."), message);
  });

  it("a single over-long quoted value is shortened with '…', and the rest of the message stays whole", () => {
    const short = findingsOf(change(CONTOSO_EE, '    nextHop: fe\n', '    nextHop: nosuchpool\n'), 'PC004');
    const long = findingsOf(change(CONTOSO_EE, '    nextHop: fe\n', `    nextHop: ${LONG_ID}\n`), 'PC004');
    assert.equal(short.length, 1);
    assert.equal(long.length, 1);
    const message = long[0].message;
    assert.ok(!message.includes(LONG_ID), 'the 500-character id is quoted whole');
    const clipped = /'([^'…]*)…'/.exec(message);
    assert.ok(clipped, `no quoted value ends in '…': ${message}`);
    assert.equal(message.split('…').length, 2, `only one value is shortened: ${message}`);
    assert.ok(clipped[1].length > 0 && LONG_ID.startsWith(clipped[1]), `the shortened value keeps the head of the id: ${clipped[0]}`);
    // Put the short id where the shortened one stands: the rest is word for word the message about 'nosuchpool'.
    assert.equal(message.replace(clipped[0], "'nosuchpool'"), short[0].message);
  });

  it('no message about the examples is shortened (none of their values is long)', () => {
    const dir = join(REPO, 'examples');
    const files = [...readdirSync(dir).map((f) => join(dir, f)), ...readdirSync(join(dir, 'invalid')).map((f) => join(dir, 'invalid', f))].filter((f) => f.endsWith('.topology.yaml'));
    for (const file of files) {
      for (const finding of validate(readFileSync(file, 'utf8'))) {
        assert.ok(!finding.message.includes('…'), `${file}: ${finding.code} ${finding.message}`);
        for (const rel of finding.related) assert.ok(!rel.message.includes('…'), `${file}: ${finding.code} related: ${rel.message}`);
      }
    }
  });
});
