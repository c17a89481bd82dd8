import { createHash } from 'node:crypto';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../service/types';

/**
 * Our key in SARIF's `partialFingerprints`. Not GitHub's `primaryLocationLineHash`: upload-sarif computes that one
 * itself from the lines around a result, and warns when a log brings a different value.
 */
export const FINGERPRINT_KEY = 'pchatTopologyFindingHash/v1';

const byPosition = (a: Finding, b: Finding) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/**
 * A fingerprint for each of a file's findings, in the order given: `<hash>:<occurrence>`. The hash is the first 16
 * hex digits of the SHA-256 of the rule id, a NUL, and the flagged text with each run of white space made one
 * space; the occurrence counts, from 1 and in document order, the file's findings with that same hash. No line or
 * column goes in, so lines inserted or removed above a finding leave its fingerprint as it was.
 */
export function findingFingerprints(text: string, findings: Finding[]): string[] {
  const document = TextDocument.create('file:///fingerprints', 'pchat-topology', 0, text);
  const fingerprints = new Map<Finding, string>();
  const occurrences = new Map<string, number>();
  for (const finding of [...findings].sort(byPosition)) {
    const flagged = document.getText(finding.range).replace(/\s+/g, ' ');
    const hash = createHash('sha256').update(`${finding.code}\0${flagged}`).digest('hex').slice(0, 16);
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    fingerprints.set(finding, `${hash}:${occurrence}`);
  }
  return findings.map((f) => fingerprints.get(f)!);
}
