/**
 * A file's inode, size and modification time in nanoseconds, or undefined when it is missing:
 * while a process runs, the same stamp means the same bytes, so what was read or checked from
 * the file can be kept (an edit, a replace by rename, a change of size all give a new stamp).
 */
import { statSync } from 'node:fs';

export function fileStamp(file: string): string | undefined {
  const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat && `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
}
