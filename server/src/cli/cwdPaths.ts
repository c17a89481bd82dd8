import { isAbsolute, relative, resolve, sep } from 'node:path';

/** A checked file as CI output names it: from the folder `check` ran in, or absolute when it is outside that folder. */
export type CwdPath = { underCwd: true; path: string } | { underCwd: false; path: string };

/** `path` is relative to `cwd` with `/` separators when under it, otherwise absolute. */
export function cwdPath(file: string, cwd: string): CwdPath {
  const absolute = resolve(cwd, file);
  const fromCwd = relative(cwd, absolute);
  const outside = fromCwd.startsWith(`..${sep}`) || isAbsolute(fromCwd);
  return outside ? { underCwd: false, path: absolute } : { underCwd: true, path: fromCwd.split(sep).join('/') };
}
