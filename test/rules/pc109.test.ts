import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesOf, findingsOf, textAt } from '../helpers';
import { assertFixWorks as fixWorks, changes, NORTHWIND, northwindSe, northwindSql } from './fixtures';
import type { QuickFix } from '../../server/src/service/types';

/** Northwind (se-next-hop example): a Standard Edition server as next hop of a dedicated Persistent Chat pool. */
const northwind = ({ stores = EXPRESS_STORE + PCHAT_STORE, frontEnd = SE_POOL } = {}) =>
  changes(NORTHWIND, [
    [EXPRESS_STORE + PCHAT_STORE, stores],
    [northwindSe(), frontEnd],
    ['      store: sql-pchat\n', '      store: sql-pchat   # dedicated SQL Server\n    compliance:\n      enabled: false\n'],
  ]);

const EXPRESS_STORE = northwindSql('se-express', 'se01', 'LYNCLOCAL', 'express');
const PCHAT_STORE = northwindSql('sql-pchat', 'sql01', 'PCHAT');
/** A SQL Server that holds nothing yet. */
const OTHER_STORE = northwindSql('sql-other', 'sql05', 'MISC');
const SE_POOL = northwindSe('', '   # local SQL Server Express');

/** An Enterprise Edition pool as the next hop instead. */
const eePool = (backEnd: string) => `  - id: se
    edition: enterprise
    fqdn: pool01.corp.northwind.com
    site: chicago
    servers: [fe01.corp.northwind.com, fe02.corp.northwind.com]
${backEnd}`;

function assertFixWorks(text: string, fix: QuickFix): string {
  return fixWorks(text, fix, 'PC109');
}

describe('PC109 back end wrong for the edition', () => {
  describe('Enterprise Edition', () => {
    it('reports a pool without backEnd on its edition', () => {
      const text = northwind({ stores: PCHAT_STORE, frontEnd: eePool('') });
      assert.deepEqual(codesOf(text), ['PC109']);
      const [finding] = findingsOf(text, 'PC109');
      assert.equal(finding.severity, 'error');
      assert.equal(textAt(text, finding), 'enterprise');
      assert.match(finding.message, /Enterprise Edition .*'se' has no 'backEnd'/);
      assert.deepEqual(finding.fixes, []);
    });

    it('reports a pool whose back end is a SQL Server Express store, on the backEnd value', () => {
      const text = northwind({ stores: EXPRESS_STORE.replace(/se01/, 'sqlx01') + PCHAT_STORE, frontEnd: eePool('    backEnd: se-express\n') });
      assert.deepEqual(codesOf(text), ['PC109']);
      const [finding] = findingsOf(text, 'PC109');
      assert.equal(textAt(text, finding), 'se-express');
      assert.match(finding.message, /'se'.*'se-express'.*SQL Server Express/);
      assert.equal(textAt(text, finding.related[0]), 'se-express');
    });

    it('accepts a pool whose back end is a full SQL Server', () => {
      const text = northwind({ stores: PCHAT_STORE + PCHAT_STORE.replace('sql-pchat', 'sql-be').replace('sql01', 'sqlbe01'), frontEnd: eePool('    backEnd: sql-be\n') });
      assert.deepEqual(codesOf(text), []);
    });
  });

  describe('Standard Edition', () => {
    it('reports a back end that is not the local express store, and offers to use that store', () => {
      const text = northwind({ stores: EXPRESS_STORE + PCHAT_STORE + OTHER_STORE, frontEnd: SE_POOL.replace('backEnd: se-express', 'backEnd: sql-other') });
      assert.deepEqual(codesOf(text), ['PC109']);
      const [finding] = findingsOf(text, 'PC109');
      assert.equal(finding.severity, 'error');
      assert.equal(textAt(text, finding), 'sql-other');
      assert.match(finding.message, /'se' uses .*'sql-other'/);
      assert.match(finding.message, /se01\.corp\.northwind\.com/);
      assert.equal(finding.fixes.length, 1);
      const [fix] = finding.fixes;
      assert.equal(fix.isPreferred, true);
      assert.equal(fix.safe, false, 'changing a reference or adding a store needs a choice');
      assert.match(fix.title, /'se-express'/);
      const after = assertFixWorks(text, fix);
      assert.match(after, /backEnd: se-express {3}# local SQL Server Express/);
    });

    it('reports a missing backEnd on the edition and inserts the key naming the local express store', () => {
      const text = northwind({ frontEnd: SE_POOL.replace('    backEnd: se-express   # local SQL Server Express\n', '') });
      assert.deepEqual(codesOf(text), ['PC109']);
      const [finding] = findingsOf(text, 'PC109');
      assert.equal(textAt(text, finding), 'standard');
      assert.match(finding.message, /'se' has no 'backEnd'.*'se01\.corp\.northwind\.com'/);
      const after = assertFixWorks(text, finding.fixes[0]);
      assert.match(after, /    site: chicago\n    backEnd: se-express\n/);
    });

    it('adds the missing local express store when there is none', () => {
      const text = northwind({ stores: PCHAT_STORE + OTHER_STORE, frontEnd: SE_POOL.replace('se-express   # local SQL Server Express', 'sql-other') });
      assert.deepEqual(codesOf(text), ['PC109']);
      const [finding] = findingsOf(text, 'PC109');
      const [fix] = finding.fixes;
      assert.match(fix.title, /Add the local SQL Server Express store 'se-express'/);
      assert.equal(fix.safe, false, 'changing a reference or adding a store needs a choice');
      const after = assertFixWorks(text, fix);
      assert.match(after, /  - id: se-express\n    fqdn: se01\.corp\.northwind\.com\n    instance: RTC\n    edition: express\n    site: chicago\n/);
      assert.match(after, /backEnd: se-express/);
    });

    it('picks a free id when the natural one is taken by another store', () => {
      const taken = PCHAT_STORE.replace('sql-pchat', 'se-express').replace('sql01', 'sql09').replace('PCHAT', 'OTHER');
      const text = northwind({ stores: PCHAT_STORE + taken + OTHER_STORE, frontEnd: SE_POOL.replace('se-express   # local SQL Server Express', 'sql-other') });
      assert.deepEqual(codesOf(text), ['PC109']);
      const after = assertFixWorks(text, findingsOf(text, 'PC109')[0].fixes[0]);
      assert.match(after, /- id: se-express-2\n    fqdn: se01\.corp\.northwind\.com/);
    });

    it('edits flow-style lists and maps in their own style', () => {
      const text = `topology: Northwind branch
domain: corp.northwind.com
sites: [{id: chicago}]
fileStores: [{id: fs, fqdn: fs01.corp.northwind.com, share: lync, site: chicago}]
sqlStores: [{id: sql-pchat, fqdn: sql01.corp.northwind.com, instance: PCHAT, site: chicago}]  # one SQL Server
frontEndPools:
  - {id: se, edition: standard, fqdn: se01.corp.northwind.com, site: chicago}
persistentChatPools:
  - id: pchat
    fqdn: pchatpool.corp.northwind.com
    site: chicago
    deployment: multiple-server
    nextHop: se
    fileStore: fs
    servers: [{fqdn: pc01.corp.northwind.com}]
    database: {store: sql-pchat}
`;
      assert.deepEqual(codesOf(text), ['PC109']);
      const after = assertFixWorks(text, findingsOf(text, 'PC109')[0].fixes[0]);
      assert.ok(after.includes('sqlStores: [{id: sql-pchat, fqdn: sql01.corp.northwind.com, instance: PCHAT, site: chicago}, '), after);
      assert.match(after, /\{ ?id: se-express, fqdn: se01\.corp\.northwind\.com, instance: RTC, edition: express, site: chicago ?\}\]  # one SQL Server/);
      assert.match(after, /- \{id: se, edition: standard, fqdn: se01\.corp\.northwind\.com, site: chicago, backEnd: se-express\}\n/);
    });

    it('keeps CRLF line ends when it inserts lines', () => {
      const text = northwind({ stores: PCHAT_STORE, frontEnd: SE_POOL.replace('    backEnd: se-express   # local SQL Server Express\n', '') }).replace(/\n/g, '\r\n');
      const after = assertFixWorks(text, findingsOf(text, 'PC109')[0].fixes[0]);
      assert.ok(!/(^|[^\r])\n/.test(after), 'a bare LF was written into a CRLF file');
    });

    it('accepts the local express store named with different letter case', () => {
      const text = northwind({ stores: EXPRESS_STORE.replace('se01.corp.northwind.com', 'SE01.Corp.Northwind.com') + PCHAT_STORE });
      assert.deepEqual(codesOf(text), []);
    });

    it('accepts an express store on the server itself (the valid example)', () => {
      assert.deepEqual(codesOf(northwind()), []);
    });
  });

  describe('one fault, one finding', () => {
    it('does not judge a backEnd that names no store (PC004 only)', () => {
      const text = northwind({ frontEnd: SE_POOL.replace('backEnd: se-express', 'backEnd: se-expres') });
      assert.deepEqual(codesOf(text), ['PC004']);
    });

    it('does not judge a backEnd that names a file store (PC005 only)', () => {
      // NORTHWIND already defines the file store fs (its Persistent Chat pool's).
      const text = northwind({ frontEnd: SE_POOL.replace('backEnd: se-express', 'backEnd: fs') });
      assert.deepEqual(codesOf(text), ['PC005']);
    });

    it('does not judge a pool whose edition the schema rejected', () => {
      const text = northwind({ stores: EXPRESS_STORE + PCHAT_STORE + OTHER_STORE, frontEnd: SE_POOL.replace('edition: standard', 'edition: enterprize').replace('backEnd: se-express', 'backEnd: sql-other') });
      assert.deepEqual(codesOf(text), ['PC002']);
    });

    it('does not judge a backEnd the schema rejected', () => {
      const text = northwind({ frontEnd: SE_POOL.replace('backEnd: se-express', 'backEnd: "se express"') });
      assert.ok(!codesOf(text).includes('PC109'));
      assert.ok(codesOf(text).includes('PC002'));
    });
  });
});
