/**
 * Hosts known to serve no https, listed by hand in content/http-only-hosts.txt. Only links to
 * these may use plain http:; every other http: link fails the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const HTTP_ONLY_HOSTS_FILE = 'content/http-only-hosts.txt';

/** One host per line; "#" starts a comment (say when and how you checked). */
export function parseHttpOnlyHosts(text: string): Set<string> {
  return new Set(
    text
      .split(/\r?\n/)
      .map((l) => l.replace(/#.*/, '').trim().toLowerCase())
      .filter(Boolean),
  );
}

export function loadHttpOnlyHosts(root: string = process.cwd()): Set<string> {
  const file = path.join(root, HTTP_ONLY_HOSTS_FILE);
  return existsSync(file) ? parseHttpOnlyHosts(readFileSync(file, 'utf8')) : new Set();
}
