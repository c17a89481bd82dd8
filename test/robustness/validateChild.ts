/**
 * Validates the text on stdin `argv[2]` times (default 1) in this process, as a language server does on every
 * keystroke, and prints `{ findings, ms }` of the last run as JSON. Used by badInput.test.ts for inputs that may
 * bring the whole process down, so that a crash fails one test instead of killing the test runner.
 */
import { readFileSync } from 'node:fs';
import { validate } from '../../server/src/service/languageService';

const times = Math.max(1, Number(process.argv[2] ?? 1));
const text = readFileSync(0, 'utf8');
let findings: unknown[] = [];
const ms: number[] = [];
for (let i = 0; i < times; i++) {
  const started = performance.now();
  findings = validate(text);
  ms.push(performance.now() - started);
}
process.stdout.write(JSON.stringify({ findings, ms }));
