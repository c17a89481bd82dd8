import { existsSync, readFileSync } from 'node:fs';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { PACKAGE_VERSION, ruleDocsPath, ruleDocsUri } from '../packageInfo';
import { TOOL_NAME } from '../service/topologyFiles';
import { RULES } from '../service/languageService';
import type { Finding, Range, RuleDocs, Severity } from '../service/types';
import type { FileResult } from './formats';

const LEVELS: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const region = (range: Range) => ({
  startLine: range.start.line + 1,
  startColumn: range.start.character + 1,
  endLine: range.end.line + 1,
  endColumn: range.end.character + 1,
});

/** What the rule enforces, in Microsoft's words or as our inference, and the pages that say so. */
function fullDescription({ title, quote, inference, sources }: RuleDocs): string {
  const said = [quote, inference].filter(Boolean).join(' ') || title;
  return sources.length ? `${said} (${sources.map((p) => p.title).join('; ')})` : said;
}

function ruleDescriptor(rule: RuleDocs): ReportingDescriptor {
  const page = ruleDocsPath(rule.id);
  return {
    id: rule.id,
    name: rule.title,
    shortDescription: { text: rule.title },
    fullDescription: { text: fullDescription(rule) },
    // The Microsoft page the rule enforces; a rule that is ours alone links its page in the docs.
    helpUri: rule.sources[0]?.url ?? ruleDocsUri(rule.id),
    ...(existsSync(page) ? { help: { text: rule.title, markdown: readFileSync(page, 'utf8') } } : {}),
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
  };
}

function result(file: string, finding: Finding, ruleIndex: number): Result {
  const artifactLocation = { uri: file.replace(/\\/g, '/'), uriBaseId: '%SRCROOT%' };
  return {
    ruleId: finding.code,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(finding.range) } }],
    relatedLocations: finding.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: { artifactLocation, region: region(r.range) } })),
  };
}

/** A SARIF 2.1.0 log, for code scanning in CI. */
export function toSarif(results: FileResult[]): Log {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: PACKAGE_VERSION, rules: RULES.map(ruleDescriptor) } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(({ file, findings }) => findings.map((f) => result(file, f, ruleIndex.get(f.code) ?? -1))),
      },
    ],
  };
}
