/**
 * Results computed from content, kept between builds in one JSON Lines file and keyed by a hash
 * of that content (contentKey), so a warm build redoes the work only for content it has not
 * seen (issue 17; the end-of-build scan and the search index use it). A value must depend on
 * nothing but its key and the code that computed it: `version` names that code, and a file
 * written under another version is ignored whole.
 *
 * New entries are appended; the file is rewritten, with only the entries this build used, once
 * the stale ones would outnumber them. A torn last line (a crash while appending) does not parse
 * and is skipped, since no prefix of a JSON array is valid JSON.
 *
 * A `lazy` cache parses an entry's line only when it is asked for, and writes kept lines back as
 * they were: a warm build's search index asks for one shard's pages of the whole file's (13 MB
 * at 250 articles). Its keys() may then name a torn entry, which get() does not give.
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

export { contentKey } from './content-key.mjs';

export class KeyedCache<T> {
  private readonly stored = new Map<string, T>();
  /** A lazy cache's lines not parsed yet, by key. */
  private readonly unparsed = new Map<string, string>();
  private readonly fresh = new Map<string, T>();
  private readonly used = new Set<string>();
  private lines = 0;
  private sameVersion = false;

  /** Without a file, nothing is kept: every get misses and save does nothing. */
  constructor(
    private readonly file: string | undefined,
    private readonly version: string,
    { lazy = false }: { lazy?: boolean } = {},
  ) {
    if (!file || !existsSync(file)) return;
    const [header, ...rest] = readFileSync(file, 'utf8').split('\n');
    if (header !== JSON.stringify({ version })) return;
    this.sameVersion = true;
    for (const line of rest) {
      if (!line) continue;
      this.lines++;
      if (lazy) {
        // The key is the line's first string, written by JSON.stringify: content keys need no escapes.
        const end = line.indexOf('"', 2);
        const key = line.slice(2, end);
        if (line.startsWith('["') && end > 2 && !key.includes('\\') && line[end + 1] === ',') {
          this.unparsed.set(key, line);
          continue;
        }
      }
      try {
        const [key, value] = JSON.parse(line) as [string, T];
        this.stored.set(key, value);
      } catch {
        // A torn line: that entry is computed again.
      }
    }
  }

  /** Keys of the entries read from the file. */
  keys(): IterableIterator<string> {
    return [...this.stored.keys(), ...this.unparsed.keys()][Symbol.iterator]();
  }

  /** How many entries the file held. */
  get size(): number {
    return this.stored.size + this.unparsed.size;
  }

  get(key: string): T | undefined {
    const value = this.stored.get(key) ?? this.fresh.get(key) ?? this.parse(key);
    if (value !== undefined) this.used.add(key);
    return value;
  }

  /** Keeps an entry read from the file for the next run, without parsing it; false if there is none. */
  keep(key: string): boolean {
    if (!this.stored.has(key) && !this.unparsed.has(key) && !this.fresh.has(key)) return false;
    this.used.add(key);
    return true;
  }

  private parse(key: string): T | undefined {
    const line = this.unparsed.get(key);
    if (line === undefined) return undefined;
    this.unparsed.delete(key);
    try {
      const [, value] = JSON.parse(line) as [string, T];
      this.stored.set(key, value);
      return value;
    } catch {
      // A torn line: that entry is computed again.
      return undefined;
    }
  }

  set(key: string, value: T): void {
    this.unparsed.delete(key);
    if (!this.stored.has(key)) this.fresh.set(key, value);
    this.used.add(key);
  }

  /** Writes what this run added; rewrites the file when most of it is no longer used. */
  save(): void {
    if (!this.file) return;
    const line = (key: string, value: T) => `${JSON.stringify([key, value])}\n`;
    const added = [...this.fresh].filter(([key]) => this.used.has(key));
    if (this.sameVersion && this.lines + added.length <= 2 * this.used.size) {
      if (added.length) appendFileSync(this.file, added.map(([k, v]) => line(k, v)).join(''));
      return;
    }
    mkdirSync(path.dirname(this.file), { recursive: true });
    const next = `${this.file}.new`;
    const fd = openSync(next, 'w');
    try {
      let chunk = `${JSON.stringify({ version: this.version })}\n`;
      for (const key of this.used) {
        const value = this.stored.get(key) ?? this.fresh.get(key);
        // A kept line not parsed goes back as it was read.
        chunk += value === undefined ? `${this.unparsed.get(key)!}\n` : line(key, value);
        if (chunk.length > 1 << 20) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(next, this.file);
  }
}
