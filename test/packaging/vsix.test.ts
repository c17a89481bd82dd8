import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import yauzl from 'yauzl';
import { REPO } from '../helpers';
import { RULES } from '../../server/src/service/languageService';

/** Run after `npm run package`: what the .vsix a user installs holds. */
const VSIX = join(REPO, 'pchat-topology.vsix');

function entries(file: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names = new Map<string, number>();
      zip.on('entry', (entry: yauzl.Entry) => {
        names.set(entry.fileName, entry.uncompressedSize);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('the packaged .vsix', () => {
  it('exists (npm run package made it)', () => assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package`));

  it('holds the bundles (desktop and web), manifest, schema, grammar, docs, media and icon', async () => {
    const names = await entries(VSIX);
    for (const required of [
      'extension/package.json',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/dist/browser/extension.js',
      'extension/dist/browser/server.js',
      'extension/schemas/topology.schema.json',
      'extension/syntaxes/pchat-topology.tmLanguage.json',
      'extension/language-configuration.json',
      'extension/client/media/preview.js',
      'extension/client/media/preview.css',
      'extension/images/icon.png',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/docs/rules/PC101.md',
    ]) {
      assert.ok(names.has(required), `${required} is missing`);
    }
    assert.equal([...names.keys()].filter((n) => /^extension\/docs\/rules\/PC\d{3}\.md$/.test(n)).length, RULES.length, 'one docs page per rule');
  });

  it('holds the entries the manifest names: main for the desktop, browser for the web', async () => {
    const names = await entries(VSIX);
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    for (const entry of [manifest.main, manifest.browser]) assert.ok(names.has(join('extension', entry)), `${entry} is missing`);
  });

  it('holds no node_modules, sources, tests, source maps or build scripts', async () => {
    const names = [...(await entries(VSIX)).keys()];
    const forbidden = names.filter((n) => /node_modules\/|\/(server|client)\/src\/|\/test\/|\/bench\/|\.map$|\.ts$|\/scripts\/|\/\.ci\//.test(n));
    assert.deepEqual(forbidden, []);
  });

  it('ships minified bundles of a reasonable size', async () => {
    const names = await entries(VSIX);
    assert.ok(names.get('extension/dist/server.js')! < 1_500_000, `server.js is ${names.get('extension/dist/server.js')} bytes`);
    assert.ok(names.get('extension/dist/extension.js')! < 3_000_000, `extension.js is ${names.get('extension/dist/extension.js')} bytes`);
    assert.ok(names.get('extension/dist/browser/server.js')! < 1_500_000, `browser/server.js is ${names.get('extension/dist/browser/server.js')} bytes`);
    assert.ok(names.get('extension/dist/browser/extension.js')! < 3_000_000, `browser/extension.js is ${names.get('extension/dist/browser/extension.js')} bytes`);
  });
});
