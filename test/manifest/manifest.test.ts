import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from '../helpers';

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const extensionSource = readFileSync(join(REPO, 'client/src/extension.ts'), 'utf8');
const protocolSource = readFileSync(join(REPO, 'server/src/lsp/protocol.ts'), 'utf8');
const commandIds: string[] = contributes.commands.map((c: { command: string }) => c.command);

/** A command is registered when extension.ts registers its id, directly or through a constant of the protocol file. */
function isRegistered(id: string): boolean {
  if (extensionSource.includes(`registerCommand('${id}'`)) return true;
  const constant = new RegExp(`export const (\\w+) = '${id.replace('.', '\\.')}'`).exec(protocolSource)?.[1];
  return !!constant && extensionSource.includes(`registerCommand(${constant},`);
}

describe('extension manifest', () => {
  it('registers every contributed command in the client, and contributes every command the client registers', () => {
    for (const id of commandIds) assert.ok(isRegistered(id), `${id} is contributed but not registered`);
    const registered = [...extensionSource.matchAll(/registerCommand\('([\w.]+)'/g)].map((m) => m[1]);
    for (const id of registered) assert.ok(commandIds.includes(id), `${id} is registered but not contributed`);
  });

  it('names only contributed commands in menus, keybindings and activation events', () => {
    const used = [
      ...Object.values(contributes.menus as Record<string, { command: string }[]>).flat().map((m) => m.command),
      ...contributes.keybindings.map((k: { command: string }) => k.command),
      ...manifest.activationEvents.filter((e: string) => e.startsWith('onCommand:')).map((e: string) => e.slice('onCommand:'.length)),
    ];
    for (const id of used) assert.ok(commandIds.includes(id), `${id} is used but not contributed`);
  });

  it('binds ctrl+k v / cmd+k v to the preview beside a topology editor, as Markdown does', () => {
    const binding = contributes.keybindings.find((k: { key: string }) => k.key === 'ctrl+k v');
    assert.equal(binding.command, 'pchatTopology.openPreviewToSide');
    assert.equal(binding.mac, 'cmd+k v');
    assert.equal(binding.when, 'editorLangId == pchat-topology');
  });

  it('declares the language with its files, configuration and icon, all present', () => {
    const [language] = contributes.languages;
    assert.equal(language.id, 'pchat-topology');
    assert.deepEqual(language.extensions, ['.topology.yaml', '.topology.yml']);
    const configuration = JSON.parse(readFileSync(join(REPO, language.configuration), 'utf8'));
    assert.equal(configuration.comments.lineComment, '#');
    assert.ok(configuration.onEnterRules.length > 0);
    assert.ok(existsSync(join(REPO, language.icon.light)) && existsSync(join(REPO, language.icon.dark)));
    assert.ok(manifest.activationEvents.includes('onLanguage:pchat-topology'));
  });

  it('points the grammar at a file whose scope name matches', () => {
    const [grammar] = contributes.grammars;
    assert.equal(grammar.language, 'pchat-topology');
    const file = JSON.parse(readFileSync(join(REPO, grammar.path), 'utf8'));
    assert.equal(file.scopeName, grammar.scopeName);
  });

  it('hands Red Hat YAML the same schema the service validates with', () => {
    for (const entry of contributes.yamlValidation) {
      assert.ok(existsSync(join(REPO, entry.url)), entry.url);
      assert.equal(entry.url, './schemas/topology.schema.json');
    }
    assert.deepEqual(contributes.yamlValidation.map((e: { fileMatch: string }) => e.fileMatch), ['*.topology.yaml', '*.topology.yml']);
  });

  it('contributes the settings the server reads, with descriptions and defaults', () => {
    const properties = contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), ['pchatTopology.reportUnusedSuppressions', 'pchatTopology.rules', 'pchatTopology.trace.server']);
    for (const [name, property] of Object.entries(properties as Record<string, { default: unknown; description?: string; markdownDescription?: string }>)) {
      assert.ok(property.default !== undefined, `${name} has no default`);
      assert.ok(property.description || property.markdownDescription, `${name} has no description`);
    }
    assert.match(readFileSync(join(REPO, 'server/src/lsp/settings.ts'), 'utf8'), /section: 'pchatTopology'/);
    assert.match(extensionSource, /new LanguageClient\('pchatTopology'/, "the client id must be 'pchatTopology' for pchatTopology.trace.server to apply");
  });

  it('starts the bundled extension and server that the build writes', () => {
    const build = readFileSync(join(REPO, 'scripts/build.mjs'), 'utf8');
    assert.equal(manifest.main, './dist/extension.js');
    assert.match(build, /extension: 'client\/src\/extension\.ts'/);
    assert.match(build, /server: 'server\/src\/lsp\/main\.ts'/);
    assert.match(extensionSource, /asAbsolutePath\('dist\/server\.js'\)/);
    assert.ok(existsSync(join(REPO, manifest.icon)));
  });
});
