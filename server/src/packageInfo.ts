import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The folder of this package, found from the running file (dist/ when bundled, server/src/ when run from source). */
function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schemas'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);

export const PACKAGE_VERSION: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;

export function ruleDocsPath(id: string): string {
  return join(PACKAGE_ROOT, 'docs', 'rules', `${id}.md`);
}

/** The folder of the rule pages shipped with the package, as a URI, so that the links work offline. */
export const RULE_DOCS_FOLDER_URI = pathToFileURL(join(PACKAGE_ROOT, 'docs', 'rules')).href;
