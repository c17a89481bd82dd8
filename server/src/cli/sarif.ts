import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Fix, Invocation, Log, MultiformatMessageString, ReportingDescriptor, Result } from 'sarif';
import { PACKAGE_VERSION, ruleDocsPath } from '../packageInfo';
import { TOOL_NAME } from '../service/topologyFiles';
import { RULES } from '../service/languageService';
import type { Finding, QuickFix, Range, RuleDocs, Severity } from '../service/types';
import { cwdPath } from './cwdPaths';
import { FINGERPRINT_KEY, findingFingerprints } from './fingerprints';
import type { CheckedFile, CheckRun } from './formats';

const LEVELS: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The base that relative artifact URIs resolve against: the folder `check` ran in. */
const SRCROOT = '%SRCROOT%';

/** 1-based lines and columns; with `columnKind` utf16CodeUnits, as LSP's characters are. */
const region = (range: Range) => ({
  startLine: range.start.line + 1,
  startColumn: range.start.character + 1,
  endLine: range.end.line + 1,
  endColumn: range.end.character + 1,
});

const folderUri = (folder: string) => pathToFileURL(folder).href.replace(/\/?$/, '/');

function artifactLocation(file: string, cwd: string): ArtifactLocation {
  const located = cwdPath(file, cwd);
  if (!located.underCwd) return { uri: pathToFileURL(located.path).href };
  return { uri: located.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** What the rule enforces, in Microsoft's words or as our inference, and the pages that say so. */
function fullDescription({ title, quote, inference, sources }: RuleDocs): string {
  const said = [quote, inference].filter(Boolean).join(' ') || title;
  return sources.length ? `${said} (${sources.map((p) => p.title).join('; ')})` : said;
}

/** The rule's page in full, so that the help needs no link; the description where the package has no page. */
function help(rule: RuleDocs): MultiformatMessageString {
  const page = ruleDocsPath(rule.id);
  if (!existsSync(page)) return { text: fullDescription(rule) };
  const markdown = readFileSync(page, 'utf8');
  return { text: markdown, markdown };
}

function ruleDescriptor(rule: RuleDocs): ReportingDescriptor {
  const source = rule.sources[0]?.url;
  return {
    id: rule.id,
    name: rule.title,
    shortDescription: { text: rule.title },
    fullDescription: { text: fullDescription(rule) },
    // Code scanning links helpUri from the alert: only a web page is of use there, so a rule that is ours alone has none.
    ...(source?.startsWith('https://') ? { helpUri: source } : {}),
    help: help(rule),
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
  };
}

const sarifFix = (fix: QuickFix, artifact: ArtifactLocation): Fix => ({
  description: { text: fix.title },
  artifactChanges: [
    {
      artifactLocation: artifact,
      replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
    },
  ],
});

function result(finding: Finding, fingerprint: string, artifact: ArtifactLocation, ruleIndex: number): Result {
  return {
    ruleId: finding.code,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifact, region: region(finding.range) } }],
    relatedLocations: finding.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: { artifactLocation: artifact, region: region(r.range) } })),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(finding.fixes.length ? { fixes: finding.fixes.map((fix) => sarifFix(fix, artifact)) } : {}),
  };
}

/** An argument as a POSIX shell would need it written, so that the command line can be run again. */
const shellWord = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** Exit status 1 means findings, which is the analysis succeeding; 2 means a file or an input failed. */
const invocation = (run: CheckRun): Invocation => ({
  executionSuccessful: run.exitCode !== 2,
  exitCode: run.exitCode,
  commandLine: [TOOL_NAME, ...run.arguments].map(shellWord).join(' '),
  arguments: run.arguments,
  workingDirectory: { uri: folderUri(run.cwd) },
  ...(run.toolErrors.length ? { toolExecutionNotifications: run.toolErrors.map((text) => ({ level: 'error' as const, message: { text } })) } : {}),
});

/** A SARIF 2.1.0 log for code scanning: artifact URIs relative to %SRCROOT%, the folder `check` ran in. */
export function toSarif(files: CheckedFile[], run: CheckRun): Log {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const results = files.flatMap(({ file, text, findings }) => {
    const artifact = artifactLocation(file, run.cwd);
    const fingerprints = findingFingerprints(text, findings);
    return findings.map((f, i) => result(f, fingerprints[i], artifact, ruleIndex.get(f.code) ?? -1));
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: PACKAGE_VERSION, rules: RULES.map(ruleDescriptor) } },
        invocations: [invocation(run)],
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(run.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
