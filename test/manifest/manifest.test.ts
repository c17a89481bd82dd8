import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SERVED_LANGUAGES } from '../../client/src/topologyDocuments';
import { REPO } from '../helpers';

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
/** What both client entries share (the commands, the language client), and the desktop entry. */
const activationSource = readFileSync(join(REPO, 'client/src/activation.ts'), 'utf8');
const desktopEntrySource = readFileSync(join(REPO, 'client/src/extension.ts'), 'utf8');
const protocolSource = readFileSync(join(REPO, 'server/src/lsp/protocol.ts'), 'utf8');
const commandIds: string[] = contributes.commands.map((c: { command: string }) => c.command);
const clientSources = readdirSync(join(REPO, 'client/src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(REPO, 'client/src', f), 'utf8'))
  .join('\n');

interface Language {
  id: string;
  extensions?: string[];
  filenames?: string[];
  filenamePatterns?: string[];
  firstLine?: string;
  configuration: string;
  icon: { light: string; dark: string };
}
const languages: Language[] = contributes.languages;
const language = (id: string) => languages.find((l) => l.id === id)!;

/**
 * A `when` clause evaluated as VS Code does for the forms the manifest uses (`a || b && c`, `key == value`,
 * `key != value`, `!key`, `key`); any other form fails the test rather than being misread.
 */
function holds(when: string, context: Record<string, string | boolean>): boolean {
  return when.split('||').some((any) =>
    any.split('&&').every((term) => {
      const t = term.trim();
      const comparison = /^([\w.]+) (==|!=) ([\w.-]+)$/.exec(t);
      if (comparison) return (context[comparison[1]] === comparison[3]) === (comparison[2] === '==');
      const key = /^(!?)([\w.]+)$/.exec(t);
      assert.ok(key, `a when clause form this test does not read: '${t}'`);
      return !!context[key[2]] !== (key[1] === '!');
    }),
  );
}

/** The active editor's language, and whether the client found it to be a topology (its context key). */
const EDITORS = {
  yaml: { editorLangId: 'pchat-topology', 'pchatTopology.activeIsTopology': true },
  tbxml: { editorLangId: 'pchat-topology-builder', 'pchatTopology.activeIsTopology': true },
  topologyXml: { editorLangId: 'xml', 'pchatTopology.activeIsTopology': true },
  otherXml: { editorLangId: 'xml', 'pchatTopology.activeIsTopology': false },
  json: { editorLangId: 'json', 'pchatTopology.activeIsTopology': false },
};

/** The `when` clauses that show the preview commands in the editor, and bind their keys. */
const previewWhens = (): { where: string; when: string }[] => [
  ...['editor/title', 'editor/context', 'commandPalette'].flatMap((menu) =>
    (contributes.menus[menu] as { command: string; when: string }[])
      .filter((m) => m.command.startsWith('pchatTopology.openPreview') || m.command === 'pchatTopology.exportSvg')
      .map((m) => ({ where: `${menu} ${m.command}`, when: m.when })),
  ),
  ...contributes.keybindings.map((k: { key: string; when: string }) => ({ where: `keybinding ${k.key}`, when: k.when })),
];

/** A command is registered when activation.ts registers its id, directly or through a constant of the protocol file. */
function isRegistered(id: string): boolean {
  if (activationSource.includes(`registerCommand('${id}'`)) return true;
  const constant = new RegExp(`export const (\\w+) = '${id.replace('.', '\\.')}'`).exec(protocolSource)?.[1];
  return !!constant && activationSource.includes(`registerCommand(${constant},`);
}

describe('extension manifest', () => {
  it('registers every contributed command in the client, and contributes every command the client registers', () => {
    for (const id of commandIds) assert.ok(isRegistered(id), `${id} is contributed but not registered`);
    const registered = [...activationSource.matchAll(/registerCommand\('([\w.]+)'/g)].map((m) => m[1]);
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
  });

  it('shows and binds the preview commands on every topology editor and on no other, XML or not', () => {
    for (const { where, when } of previewWhens()) {
      for (const editor of ['yaml', 'tbxml', 'topologyXml'] as const) assert.ok(holds(when, EDITORS[editor]), `${where} is not offered on ${editor}: ${when}`);
      for (const editor of ['otherXml', 'json'] as const) assert.ok(!holds(when, EDITORS[editor]), `${where} is offered on ${editor}: ${when}`);
    }
  });

  it('reads only context keys of its own that the client sets', () => {
    const whens = [...Object.values(contributes.menus as Record<string, { when?: string }[]>).flat(), ...contributes.keybindings].map((m) => m.when ?? '');
    const ours = new Set(whens.flatMap((w) => w.match(/pchatTopology\.\w+/g) ?? []).filter((k) => k !== 'pchatTopology.preview'));
    assert.deepEqual([...ours], ['pchatTopology.activeIsTopology']);
    for (const key of ours) {
      const constant = new RegExp(`export const (\\w+) = '${key.replace('.', '\\.')}'`).exec(clientSources)?.[1];
      assert.ok(constant && clientSources.includes(`'setContext', ${constant},`), `the client does not set ${key}`);
    }
  });

  it('declares the descriptor language with its files, configuration and icon, all present', () => {
    const yaml = language('pchat-topology');
    assert.deepEqual(yaml.extensions, ['.topology.yaml', '.topology.yml']);
    const configuration = JSON.parse(readFileSync(join(REPO, yaml.configuration), 'utf8'));
    assert.equal(configuration.comments.lineComment, '#');
    assert.ok(configuration.onEnterRules.length > 0);
    assert.ok(existsSync(join(REPO, yaml.icon.light)) && existsSync(join(REPO, yaml.icon.dark)));
  });

  it("declares Topology Builder's saved files as a language of XML comments and brackets, and leaves .xml to XML", () => {
    const tbxml = language('pchat-topology-builder');
    assert.deepEqual(tbxml.extensions, ['.tbxml']);
    const configuration = JSON.parse(readFileSync(join(REPO, tbxml.configuration), 'utf8'));
    assert.deepEqual(configuration.comments, { blockComment: ['<!--', '-->'] });
    assert.deepEqual(configuration.brackets.slice(0, 2), [['<!--', '-->'], ['<', '>']]);
    assert.ok(existsSync(join(REPO, tbxml.icon.light)) && existsSync(join(REPO, tbxml.icon.dark)));
    for (const l of languages) {
      assert.ok(!(l.extensions ?? []).some((e) => /\.xml$/i.test(e)), `${l.id} claims .xml files`);
      assert.ok(!l.filenames?.length && !l.filenamePatterns?.length && !l.firstLine, `${l.id} claims files by name or first line`);
    }
  });

  it('serves both languages and XML, saved or untitled on the desktop and in any file system on the web, and activates on each', () => {
    assert.deepEqual(SERVED_LANGUAGES, ['pchat-topology', 'pchat-topology-builder', 'xml']);
    assert.match(activationSource, /documentSelector: DocumentSelector = SERVED_LANGUAGES\.flatMap\(\(language\) =>\s*launcher\.schemes \? launcher\.schemes\.map\(\(scheme\) => \(\{ scheme, language \}\)\) : \[\{ language \}\],?\s*\)/);
    assert.match(desktopEntrySource, /schemes: \['file', 'untitled'\]/);
    for (const id of SERVED_LANGUAGES) assert.ok(manifest.activationEvents.includes(`onLanguage:${id}`), `no activation on ${id}`);
  });

  it('points each grammar at a file whose scope name matches; the Topology Builder one is the XML grammar', () => {
    assert.deepEqual(contributes.grammars.map((g: { language: string }) => g.language), ['pchat-topology', 'pchat-topology-builder']);
    for (const grammar of contributes.grammars) {
      const file = JSON.parse(readFileSync(join(REPO, grammar.path), 'utf8'));
      assert.equal(file.scopeName, grammar.scopeName);
    }
    const xml = JSON.parse(readFileSync(join(REPO, 'syntaxes/pchat-topology-builder.tmLanguage.json'), 'utf8'));
    assert.deepEqual(xml.patterns, [{ include: 'text.xml' }]);
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
    assert.match(activationSource, /launcher\.createClient\('pchatTopology'/, "the client id must be 'pchatTopology' for pchatTopology.trace.server to apply");
  });

  it('starts the bundled extension and server that the build writes', () => {
    const build = readFileSync(join(REPO, 'scripts/build.mjs'), 'utf8');
    assert.equal(manifest.main, './dist/extension.js');
    assert.match(build, /extension: 'client\/src\/extension\.ts'/);
    assert.match(build, /server: 'server\/src\/lsp\/main\.ts'/);
    assert.match(desktopEntrySource, /asAbsolutePath\('dist\/server\.js'\)/);
    assert.ok(existsSync(join(REPO, manifest.icon)));
  });

  it('starts the web bundles on vscode.dev: the browser entry, and the server from the same folder as a web worker', () => {
    const build = readFileSync(join(REPO, 'scripts/build.mjs'), 'utf8');
    assert.equal(manifest.browser, './dist/browser/extension.js');
    assert.match(build, /extension: 'client\/src\/browserExtension\.ts', server: 'server\/src\/lsp\/browserMain\.ts'/);
    assert.match(build, /outdir: 'dist\/browser',\s*bundle: true,\s*platform: 'browser'/);
    assert.match(readFileSync(join(REPO, 'client/src/browserExtension.ts'), 'utf8'), /joinPath\(context\.extensionUri, 'dist', 'browser', 'server\.js'\)/);
  });
});
