import assert from 'node:assert/strict';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
// The SARIF 2.1.0 JSON Schema as Microsoft's SARIF SDK for JavaScript ships it: version 2.1.0-rtm.5, written in draft-04.
import schema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

// The schema's pattern for `language` has a stray `]`, which a Unicode-mode RegExp refuses; without the flag it means what it says.
const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validateLog = ajv.compile<Log>(schema);

/** Parses a SARIF log and fails the test unless it is valid against the SARIF 2.1.0 JSON Schema. */
export function validSarif(json: string): Log {
  const log: unknown = JSON.parse(json);
  assert.ok(validateLog(log), `not valid SARIF 2.1.0:\n${ajv.errorsText(validateLog.errors, { separator: '\n' })}`);
  return log;
}
