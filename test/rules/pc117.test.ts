import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { assertFixWorks, change, changes, CONTOSO_EE, soleFinding } from './fixtures';

/** Contoso with a second site portland, file stores `stores` after fs, and the Persistent Chat pool on `fileStore`. */
const contoso = (stores: string, fileStore: string) =>
  changes(CONTOSO_EE, [
    ['sites:\n  - id: redmond\n', 'sites:\n  - id: redmond\n  - id: portland\n'],
    ['    share: lyncshare\n    site: redmond\n', `    share: lyncshare\n    site: redmond\n${stores}`],
    ['      store: sql-pc\n    fileStore: fs\n', `      store: sql-pc\n    fileStore: ${fileStore}   # chat room files\n`],
  ]);

const fileStore = (id: string, host: string, site: string) => `  - id: ${id}\n    fqdn: ${host}.corp.contoso.com\n    share: lyncshare\n    site: ${site}\n`;

const PORTLAND_FS = fileStore('fs-portland', 'fs11', 'portland');

describe('PC117 a pool uses a file store of another site', () => {
  it("warns on the pool's fileStore, naming both sites, related to the store's site", () => {
    const text = contoso(PORTLAND_FS, 'fs-portland');
    const finding = soleFinding(text, 'PC117', 'warning');
    assert.equal(textAt(text, finding), 'fs-portland');
    assert.equal(
      finding.message,
      "Persistent Chat pool 'pchat' is in site 'redmond' but uses file store 'fs-portland' of site 'portland'; a file share serves the pools of one site.",
    );
    assert.equal(textAt(text, finding.related[0]), 'portland');
    assert.equal(finding.related[0].message, "Site of file store 'fs-portland'");
  });

  it("warns for a Front End pool too, once per pool that uses the store", () => {
    const text = change(contoso(PORTLAND_FS, 'fs-portland'), '    backEnd: sql-be\n    fileStore: fs\n', '    backEnd: sql-be\n    fileStore: fs-portland\n');
    assert.deepEqual(codesOf(text), ['PC117']);
    assert.deepEqual(
      findingsOf(text, 'PC117').map((f) => f.message.split(' is in')[0]),
      ["Front End pool 'fe'", "Persistent Chat pool 'pchat'"],
    );
  });

  describe("quick fix: use a file store of the pool's site", () => {
    it('points the fileStore at a store of the site, keeps the comment, not as a safe fix', () => {
      const text = contoso(PORTLAND_FS, 'fs-portland');
      const [fix, ...others] = findingsOf(text, 'PC117')[0].fixes;
      assert.deepEqual(others, []);
      assert.equal(fix.title, "Use file store 'fs' of site 'redmond'");
      assert.equal(fix.isPreferred, true);
      assert.equal(fix.safe, false, 'another reference is a choice');
      const after = assertFixWorks(text, fix, 'PC117', { clean: true });
      assert.ok(after.includes('    fileStore: fs   # chat room files\n'), after);
    });

    it('offers each store of the site, the first preferred, but none on an Enterprise Edition Front End server (PC115)', () => {
      const text = contoso(PORTLAND_FS + fileStore('fs-on-fe', 'fe01', 'redmond') + fileStore('fs-2', 'fs02', 'redmond'), 'fs-portland');
      assert.deepEqual(codesOf(text), ['PC115', 'PC117']);
      const fixes = findingsOf(text, 'PC117')[0].fixes;
      assert.deepEqual(
        fixes.map((f) => [f.title, f.isPreferred]),
        [
          ["Use file store 'fs' of site 'redmond'", true],
          ["Use file store 'fs-2' of site 'redmond'", false],
        ],
      );
      assertFixWorks(text, fixes[1], 'PC117');
    });

    it('offers none where the site has no other file store', () => {
      const text = changes(contoso(PORTLAND_FS, 'fs-portland'), [
        ['  - id: fs\n    fqdn: fs01.corp.contoso.com\n    share: lyncshare\n    site: redmond\n', ''],
        ['    backEnd: sql-be\n    fileStore: fs\n', '    backEnd: sql-be\n'],
      ]);
      assert.deepEqual(soleFinding(text, 'PC117').fixes, []);
    });
  });

  it("near miss: a file store of the pool's own site (Contoso)", () => {
    assert.deepEqual(codesOf(contoso(PORTLAND_FS, 'fs')), []);
  });

  it('does not judge a file store whose site names no site: PC004 only', () => {
    const text = contoso(fileStore('fs-portland', 'fs11', 'portlnd'), 'fs-portland');
    assert.deepEqual(codesOf(text), ['PC004']);
  });
});
