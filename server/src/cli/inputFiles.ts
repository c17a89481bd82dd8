import { statSync } from 'node:fs';
import { glob } from 'tinyglobby';

const DESCRIPTOR_GLOB = '**/*.topology.{yaml,yml}';

/** Files named on the command line: plain paths as given, folders searched for descriptors, globs expanded. */
export async function expandInputs(inputs: string[]): Promise<{ files: string[]; unmatched: string[] }> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const input of inputs) {
    const stat = statSync(input, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      const found = await glob(DESCRIPTOR_GLOB, { cwd: input, ignore: ['**/node_modules/**'] });
      files.push(...found.sort().map((f) => `${input.replace(/\/$/, '')}/${f}`));
    } else if (stat || !/[*?[{]/.test(input)) {
      files.push(input);
    } else {
      const found = (await glob(input, { ignore: ['**/node_modules/**'] })).sort();
      if (found.length === 0) unmatched.push(input);
      files.push(...found);
    }
  }
  return { files: [...new Set(files)], unmatched };
}
