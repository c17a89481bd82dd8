/** `import` is a read that also needs the text to be a Topology Builder topology. */
export type FileOperation = 'read' | 'write' | 'import';

/** Plain words for the error codes a read or a write can fail with; any other code is shown as it is. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links (a loop?)',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EBUSY: 'busy',
  ETXTBSY: 'busy',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  EAGAIN: 'not ready (try again)',
  EINVAL: 'invalid argument',
  ESTALE: 'stale network file handle',
  ERR_FS_FILE_TOO_LARGE: 'file too large',
  ERR_STRING_TOO_LONG: 'file too large',
};

/** A read or write that failed, told in one line as a compiler does: `cannot read 'x': no such file or folder`. */
export class FileError extends Error {
  constructor(operation: FileOperation, path: string, reason: string) {
    super(`cannot ${operation} '${path}': ${reason}`);
  }
}

function reason(operation: FileOperation, code: string): string {
  // A write creates the file, so only its folder can be missing.
  if (operation === 'write' && code === 'ENOENT') return 'no such folder';
  return REASONS[code] ?? code;
}

/** The error as a FileError when it is a system error (a missing file, a full disk…); undefined when it is a bug. */
export function asFileError(operation: FileOperation, path: string, error: unknown): FileError | undefined {
  const { code, errno } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== 'string' || (typeof errno !== 'number' && !Object.hasOwn(REASONS, code))) return undefined;
  return new FileError(operation, path, reason(operation, code));
}

/** Runs `action` on `path`, turning a system error into a FileError. */
export async function withFileErrors<T>(operation: FileOperation, path: string, action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw asFileError(operation, path, error) ?? error;
  }
}
