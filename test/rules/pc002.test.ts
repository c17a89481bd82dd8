import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codesOf, findingsOf, newErrors, textAt, unchangedOutside } from '../helpers';
import { CONTOSO_EE, changes, soleFinding, change } from './fixtures';
import type { Finding } from '../../server/src/service/types';

/** A valid Enterprise Edition topology; each case changes one thing. */
const CONTOSO = changes(CONTOSO_EE, [
  ['    instance: RTC\n', '    instance: RTC   # the Front End back end\n'],
  ['    instance: PCHAT\n', '    instance: PCHAT   # the mgc database\n'],
  ['    backEnd: sql-be\n    fileStore: fs\n', '    backEnd: sql-be\n    fileStore: fs   # shared with Persistent Chat\n'],
]);

const COMMENTS = ['# Contoso: one Enterprise Edition pool and a Persistent Chat pool', '# the Front End back end', '# the mgc database', '# shared with Persistent Chat'];

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** The one PC002 finding of `text`, which must raise nothing else. */
function onlyFinding(text: string): Finding {
  return soleFinding(text, 'PC002', 'error');
}

/** Applies the finding's only fix and checks what every fix must guarantee; returns the fixed text. */
function applyOnlyFix(before: string, finding: Finding, title: string): string {
  assert.equal(finding.fixes.length, 1, finding.fixes.map((f) => f.title).join(' | '));
  const [fix] = finding.fixes;
  assert.equal(fix.title, title);
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.safe, false);
  const after = applyFix(before, fix);
  assert.deepEqual(findingsOf(after, 'PC002'), []);
  assert.deepEqual(newErrors(before, after), []);
  assert.ok(unchangedOutside(before, after, fix), 'the fix changed lines it does not touch');
  for (const comment of COMMENTS) assert.ok(after.includes(comment), `comment lost: ${comment}`);
  return after;
}

describe('PC002 schema mismatch', () => {
  it('the unchanged fixture matches the schema', () => {
    assert.deepEqual(codesOf(CONTOSO), []);
  });

  describe('missing required key', () => {
    it("a SQL store without 'site': reported on the store, fixed with the existing site", () => {
      const text = change(CONTOSO, '    instance: PCHAT   # the mgc database\n    edition: enterprise\n    site: redmond\n', '    instance: PCHAT   # the mgc database\n    edition: enterprise\n');
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), 'id');
      assert.equal(finding.range.start.line, text.split('\n').indexOf('  - id: sql-pc'));
      assert.match(finding.message, /SQL store 'sql-pc'/);
      assert.match(finding.message, /required key 'site'/);
      const after = applyOnlyFix(text, finding, "Add 'site: redmond'");
      assert.ok(after.includes('    instance: PCHAT   # the mgc database\n    edition: enterprise\n    site: redmond\n\nfileStores:'));
      assert.deepEqual(codesOf(after), []);
    });

    const REMOVALS: { key: string; from: string; to: string; placeholder: RegExp }[] = [
      { key: 'topology', from: 'topology: Contoso production\n', to: '', placeholder: /^topology: \S/m },
      { key: 'domain', from: 'domain: corp.contoso.com\n', to: '', placeholder: /^domain: corp\.contoso\.com$/m },
      { key: 'edition', from: '    edition: enterprise\n    fqdn: pool01.corp.contoso.com\n', to: '    fqdn: pool01.corp.contoso.com\n', placeholder: /^ {4}edition: enterprise$/m },
      { key: 'share', from: '    share: lyncshare\n', to: '', placeholder: /^ {4}share: \S/m },
      { key: 'fqdn', from: '    fqdn: pchat.corp.contoso.com\n', to: '', placeholder: /^ {4}fqdn: [a-z0-9-]+\.corp\.contoso\.com$/m },
      { key: 'deployment', from: '    deployment: multiple-server\n', to: '', placeholder: /^ {4}deployment: (single|multiple)-server$/m },
      { key: 'nextHop', from: '    nextHop: fe\n', to: '', placeholder: /^ {4}nextHop: fe$/m },
      { key: 'servers', from: '    servers:\n      - fqdn: pc01.corp.contoso.com\n      - fqdn: pc02.corp.contoso.com\n', to: '', placeholder: /^ {4}servers:\r?\n {6}- fqdn: [a-z0-9-]+\.corp\.contoso\.com$/m },
    ];
    for (const r of REMOVALS) {
      it(`missing '${r.key}': the fix inserts a placeholder that leaves no PC002`, () => {
        const text = change(CONTOSO, r.from, r.to);
        const finding = onlyFinding(text);
        assert.match(finding.message, new RegExp(`required key '${r.key}'`));
        assert.equal(finding.fixes.length, 1);
        assert.match(finding.fixes[0].title, new RegExp(`^Add '${r.key}: `));
        const after = applyOnlyFix(text, finding, finding.fixes[0].title);
        assert.match(after, r.placeholder);
      });
    }

    it('flow style: the key is added inside the braces', () => {
      const text = change(
        CONTOSO,
        '  - id: sql-pc\n    fqdn: sqlpc01.corp.contoso.com\n    instance: PCHAT   # the mgc database\n    edition: enterprise\n    site: redmond\n',
        '  - {id: sql-pc, fqdn: sqlpc01.corp.contoso.com, instance: PCHAT, edition: enterprise}   # the mgc database\n',
      );
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), 'id');
      assert.match(finding.message, /SQL store 'sql-pc' is missing the required key 'site'/);
      const after = applyOnlyFix(text, finding, "Add 'site: redmond'");
      assert.ok(after.includes('  - {id: sql-pc, fqdn: sqlpc01.corp.contoso.com, instance: PCHAT, edition: enterprise, site: redmond}   # the mgc database\n'));
    });

    it('CRLF file: the inserted key uses CRLF line ends', () => {
      const text = crlf(change(CONTOSO, '    instance: PCHAT   # the mgc database\n    edition: enterprise\n    site: redmond\n', '    instance: PCHAT   # the mgc database\n    edition: enterprise\n'));
      const finding = onlyFinding(text);
      const after = applyOnlyFix(text, finding, "Add 'site: redmond'");
      assert.ok(after.includes('    edition: enterprise\r\n    site: redmond\r\n'));
      assert.doesNotMatch(after, /[^\r]\n/, 'a bare LF was written into a CRLF file');
      assert.deepEqual(codesOf(after), []);
    });

    it('a misspelt required key is one fault: one finding, on the misspelt key, whose fix leaves no PC002', () => {
      const text = change(CONTOSO, '    deployment: multiple-server\n', '    deploymnet: multiple-server\n');
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), 'deploymnet');
      assert.match(finding.message, /Did you mean 'deployment'\?/);
      applyOnlyFix(text, finding, "Replace 'deploymnet' with 'deployment'");
    });
  });

  describe('unknown key', () => {
    it('a key close to a known one: did-you-mean message and fix', () => {
      const text = change(CONTOSO, '    fileStore: fs   # shared with Persistent Chat\n', '    filestore: fs   # shared with Persistent Chat\n');
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), 'filestore');
      assert.equal(finding.message, "Unknown key 'filestore' in Front End pool 'fe'. Did you mean 'fileStore'?");
      const after = applyOnlyFix(text, finding, "Replace 'filestore' with 'fileStore'");
      assert.equal(after, CONTOSO);
    });

    it('a key close to nothing: the message lists the allowed keys and no fix guesses', () => {
      const text = change(CONTOSO, '    nextHop: fe\n', '    nextHop: fe\n    colour: blue\n');
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), 'colour');
      assert.match(finding.message, /Unknown key 'colour' in Persistent Chat pool 'pchat'/);
      assert.match(finding.message, /nextHop/);
      assert.match(finding.message, /concurrentUsers/);
      assert.deepEqual(finding.fixes, []);
    });

    it('flow style: the misspelt key inside braces is replaced in place', () => {
      const text = change(
        CONTOSO,
        '  - id: sql-pc\n    fqdn: sqlpc01.corp.contoso.com\n    instance: PCHAT   # the mgc database\n    edition: enterprise\n    site: redmond\n',
        '  - {id: sql-pc, fqdn: sqlpc01.corp.contoso.com, instnace: PCHAT, edition: enterprise, site: redmond}   # the mgc database\n',
      );
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), 'instnace');
      assert.match(finding.message, /SQL store 'sql-pc'.*Did you mean 'instance'\?/);
      const after = applyOnlyFix(text, finding, "Replace 'instnace' with 'instance'");
      assert.ok(after.includes('{id: sql-pc, fqdn: sqlpc01.corp.contoso.com, instance: PCHAT, edition: enterprise, site: redmond}'));
    });

    it('CRLF file: the did-you-mean fix keeps CRLF', () => {
      const text = crlf(change(CONTOSO, '    fileStore: fs   # shared with Persistent Chat\n', '    filestore: fs   # shared with Persistent Chat\n'));
      const finding = onlyFinding(text);
      const after = applyOnlyFix(text, finding, "Replace 'filestore' with 'fileStore'");
      assert.equal(after, crlf(CONTOSO));
    });
  });

  describe('enum value', () => {
    it("'Enterprise' in the wrong case: names the allowed values and fixes the case", () => {
      const text = change(CONTOSO, '    edition: enterprise\n    fqdn: pool01', '    edition: Enterprise\n    fqdn: pool01');
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), 'Enterprise');
      assert.match(finding.message, /'edition' of Front End pool 'fe' must be one of 'enterprise', 'standard'/);
      assert.match(finding.message, /Did you mean 'enterprise'\?/);
      assert.equal(applyOnlyFix(text, finding, "Replace 'Enterprise' with 'enterprise'"), CONTOSO);
    });

    it('a quoted enum value is replaced with its quotes', () => {
      const text = change(CONTOSO, 'deployment: multiple-server', 'deployment: "Multiple-Server"');
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), '"Multiple-Server"');
      assert.match(finding.message, /'deployment' of Persistent Chat pool 'pchat' must be one of 'single-server', 'multiple-server'/);
      assert.equal(applyOnlyFix(text, finding, "Replace 'Multiple-Server' with 'multiple-server'"), CONTOSO);
    });

    it('flow style: an enum value inside braces', () => {
      const flow = change(
        CONTOSO,
        '  - id: sql-pc\n    fqdn: sqlpc01.corp.contoso.com\n    instance: PCHAT   # the mgc database\n    edition: enterprise\n    site: redmond\n',
        '  - {id: sql-pc, fqdn: sqlpc01.corp.contoso.com, instance: PCHAT, edition: ENTERPRISE, site: redmond}   # the mgc database\n',
      );
      const finding = onlyFinding(flow);
      assert.equal(textAt(flow, finding), 'ENTERPRISE');
      assert.match(finding.message, /'edition' of SQL store 'sql-pc' must be one of 'enterprise', 'standard', 'express'/);
      const after = applyOnlyFix(flow, finding, "Replace 'ENTERPRISE' with 'enterprise'");
      assert.ok(after.includes('edition: enterprise, site: redmond}'));
    });

    it("CRLF file: a server state 'Standby' is fixed in place", () => {
      const text = crlf(change(CONTOSO, '      - fqdn: pc02.corp.contoso.com\n', '      - fqdn: pc02.corp.contoso.com\n        state: Standby\n'));
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), 'Standby');
      assert.match(finding.message, /'state' of server 'pc02\.corp\.contoso\.com' of Persistent Chat pool 'pchat'/);
      const after = applyOnlyFix(text, finding, "Replace 'Standby' with 'standby'");
      assert.ok(after.includes('        state: standby\r\n'));
    });

    it('a value far from every allowed one gets no guessed fix', () => {
      const text = change(CONTOSO, 'deployment: multiple-server', 'deployment: cluster');
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), 'cluster');
      assert.match(finding.message, /'single-server', 'multiple-server'/);
      assert.deepEqual(finding.fixes, []);
    });
  });

  describe('wrong type, range and format', () => {
    it('a number written as a string', () => {
      const text = change(CONTOSO, '    nextHop: fe\n', '    nextHop: fe\n    concurrentUsers: "30000"\n');
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), '"30000"');
      assert.match(finding.message, /'concurrentUsers' of Persistent Chat pool 'pchat' must be a whole number/);
      assert.match(finding.message, /"30000"/);
    });

    it('true written as a string', () => {
      const text = change(CONTOSO, '      store: sql-pc\n', '      store: sql-pc\n    compliance:\n      enabled: "true"\n      store: sql-pc\n');
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), '"true"');
      assert.match(finding.message, /'enabled' .*Persistent Chat pool 'pchat' must be true or false/);
    });

    it('a port above 65,535 names the limit', () => {
      const text = change(CONTOSO, '    nextHop: fe\n', '    nextHop: fe\n    sipPort: 70000\n');
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), '70000');
      assert.match(finding.message, /'sipPort' of Persistent Chat pool 'pchat' must be at most 65,535/);
    });

    it('zero concurrent users is below the minimum of 1', () => {
      const text = change(CONTOSO, '    nextHop: fe\n', '    nextHop: fe\n    concurrentUsers: 0\n');
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), '0');
      assert.match(finding.message, /'concurrentUsers' of Persistent Chat pool 'pchat' must be at least 1/);
    });

    it('near miss: the limits themselves are accepted', () => {
      const text = change(CONTOSO, '    nextHop: fe\n', '    nextHop: fe\n    sipPort: 65535\n    poolPort: 1\n');
      assert.deepEqual(findingsOf(text, 'PC002'), []);
    });

    for (const bad of ['pc02_corp.contoso.com', 'pc02', 'pc02.corp.contoso.com.', '-pc02.corp.contoso.com']) {
      it(`an invalid FQDN '${bad}' is rejected`, () => {
        const text = change(CONTOSO, 'fqdn: pc02.corp.contoso.com', `fqdn: ${bad}`);
        const finding = onlyFinding(text);
        assert.equal(textAt(text, finding), bad);
        assert.match(finding.message, /'fqdn' of server .* of Persistent Chat pool 'pchat' must be a fully qualified domain name/);
      });
    }

    it('near miss: an FQDN in capitals is a valid FQDN', () => {
      const text = change(CONTOSO, 'fqdn: pc02.corp.contoso.com', 'fqdn: PC02.Corp.Contoso.COM');
      assert.deepEqual(codesOf(text), []);
    });
  });

  describe('one fault, one finding: a value the schema rejects is not judged again by other rules', () => {
    it("deployment 'Single-Server' on a two-server pool raises no single-server rule (PC201, PC202, PC209)", () => {
      const text = change(CONTOSO, 'deployment: multiple-server', 'deployment: Single-Server');
      onlyFinding(text);
    });

    it('20,000,000 concurrent users is a schema error only, not also a capacity error (PC206, PC207)', () => {
      const text = change(CONTOSO, '    nextHop: fe\n', '    nextHop: fe\n    concurrentUsers: 20000000\n');
      const finding = onlyFinding(text);
      assert.match(finding.message, /at most 10,000,000/);
    });

    it("a nextHop that is not an id is not also an unknown reference (PC004)", () => {
      const text = change(CONTOSO, 'nextHop: fe', 'nextHop: "fe pool"');
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), '"fe pool"');
    });

    it('a server FQDN that fails the schema is not also judged as a Front End server (PC101)', () => {
      const text = change(CONTOSO, 'fqdn: pc02.corp.contoso.com', 'fqdn: fe01.corp.contoso.com.');
      onlyFinding(text);
    });

    it("a fifth server with state 'Standby' does not make five active servers (PC203)", () => {
      const text = change(
        CONTOSO,
        '      - fqdn: pc02.corp.contoso.com\n',
        '      - fqdn: pc02.corp.contoso.com\n      - fqdn: pc03.corp.contoso.com\n      - fqdn: pc04.corp.contoso.com\n      - fqdn: pc05.corp.contoso.com\n        state: Standby\n',
      );
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), 'Standby');
    });

    it('an invalid domain does not put every server outside it (PC007)', () => {
      const text = change(CONTOSO, 'domain: corp.contoso.com', 'domain: corp_contoso');
      const finding = onlyFinding(text);
      assert.equal(textAt(text, finding), 'corp_contoso');
      assert.match(finding.message, /'domain' must be a fully qualified domain name/);
    });
  });
});
