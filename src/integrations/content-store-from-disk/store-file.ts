/**
 * Writes Astro's content store file piece by piece instead of as one string.
 *
 * Astro's writer serialises the whole store with devalue into one string and writes it: at 1,000
 * articles a 93 MB string of two-byte characters (every article has non-Latin-1 text), built from
 * an array holding an escaped copy of every string in the store, and encoded once more to UTF-8
 * for the write. That was the peak of a 1,000-article build, twice a sync (docs/performance.md,
 * "Memory, fifth pass"). This writes the same devalue format (the flattened array that
 * `devalue.parse` and `devalue.unflatten` read) element by element to a file, holding only
 * references to the store's own values.
 *
 * Values keep their identity as in devalue: a value met twice is written once and referred to by
 * its index. The elements come in breadth-first order, so each element's children already have
 * their index when it is written; devalue numbers depth-first, so the file's bytes differ from
 * devalue's, its value does not. Only the types a content store holds are written (plain objects,
 * dense arrays, Maps, Dates and primitives); anything else throws `UnsupportedValue`, and the
 * caller falls back to Astro's own writer.
 */
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';

// devalue's encodings of values that have no index (devalue/src/constants.js).
const UNDEFINED = -1;
const NAN = -3;
const POSITIVE_INFINITY = -4;
const NEGATIVE_INFINITY = -5;
const NEGATIVE_ZERO = -6;

/** A value this writer does not write; Astro's own writer handles it. */
export class UnsupportedValue extends Error {}

const isPlainObject = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype && Object.getOwnPropertySymbols(value).length === 0;
};

/** The devalue text of `value`, in pieces whose concatenation `devalue.parse` reads. */
export function* devalueChunks(value: unknown): Generator<string> {
  const indexes = new Map<unknown, number>();
  const queue: unknown[] = [];
  const ref = (thing: unknown): number => {
    if (thing === undefined) return UNDEFINED;
    if (typeof thing === 'number') {
      if (Number.isNaN(thing)) return NAN;
      if (thing === Infinity) return POSITIVE_INFINITY;
      if (thing === -Infinity) return NEGATIVE_INFINITY;
      if (thing === 0 && 1 / thing < 0) return NEGATIVE_ZERO;
    }
    let index = indexes.get(thing);
    if (index === undefined) {
      index = queue.length;
      indexes.set(thing, index);
      queue.push(thing);
    }
    return index;
  };
  const encode = (thing: unknown): string => {
    switch (typeof thing) {
      case 'string':
      case 'number':
      case 'boolean':
        return JSON.stringify(thing);
      case 'bigint':
        return `["BigInt","${thing}"]`;
      case 'object':
        break;
      default:
        throw new UnsupportedValue(`a ${typeof thing}`);
    }
    if (thing === null) return 'null';
    if (Array.isArray(thing) && Object.getPrototypeOf(thing) === Array.prototype) {
      const refs: number[] = [];
      for (let i = 0; i < thing.length; i++) {
        if (!Object.hasOwn(thing, i)) throw new UnsupportedValue('a sparse array');
        refs.push(ref(thing[i]));
      }
      return `[${refs.join(',')}]`;
    }
    if (thing instanceof Map && Object.getPrototypeOf(thing) === Map.prototype) {
      let out = '["Map"';
      for (const [k, v] of thing as Map<unknown, unknown>) out += `,${ref(k)},${ref(v)}`;
      return `${out}]`;
    }
    if (thing instanceof Date && Object.getPrototypeOf(thing) === Date.prototype)
      return `["Date",${JSON.stringify(thing.toISOString())}]`;
    if (!isPlainObject(thing)) throw new UnsupportedValue(`an instance of ${thing.constructor?.name ?? 'no class'}`);
    const parts: string[] = [];
    for (const key of Object.keys(thing)) {
      if (key === '__proto__') throw new UnsupportedValue('an object with a __proto__ key');
      parts.push(`${JSON.stringify(key)}:${ref((thing as Record<string, unknown>)[key])}`);
    }
    return `{${parts.join(',')}}`;
  };

  const root = ref(value);
  if (root < 0) {
    yield String(root);
    return;
  }
  yield '[';
  for (let i = 0; i < queue.length; i++) {
    const element = encode(queue[i]);
    yield i === 0 ? element : `,${element}`;
  }
  yield ']';
}

const BUFFER_CHARS = 1 << 20;

/** Whether two files hold the same bytes, read a block at a time. */
function sameBytes(a: string, b: string): boolean {
  if (statSync(a).size !== statSync(b).size) return false;
  const fa = openSync(a, 'r');
  const fb = openSync(b, 'r');
  try {
    const ba = Buffer.alloc(1 << 20);
    const bb = Buffer.alloc(1 << 20);
    for (;;) {
      const na = readSync(fa, ba);
      const nb = readSync(fb, bb);
      if (na !== nb || !ba.subarray(0, na).equals(bb.subarray(0, nb))) return false;
      if (na === 0) return true;
    }
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

/**
 * Writes `value` to `file` in devalue's format through a temporary file. Returns false, leaving
 * the file untouched, when it already held these bytes (as Astro's writer does, so the dev
 * server is not told of a change). A value it cannot write throws `UnsupportedValue` before
 * `file` is touched.
 */
export function writeStoreFile(file: string, value: unknown): boolean {
  const temp = `${file}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    let buffer = '';
    for (const chunk of devalueChunks(value)) {
      buffer += chunk;
      if (buffer.length >= BUFFER_CHARS) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  if (existsSync(file) && sameBytes(file, temp)) {
    rmSync(temp, { force: true });
    return false;
  }
  renameSync(temp, file);
  return true;
}
