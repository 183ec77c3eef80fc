/**
 * What the hosts we deploy to accept, and how the built output measures against it. The figures
 * are the hosts' own published limits (docs/deploying.md, "Host limits", says where each is
 * written down); a build warns from WARN_AT of a limit and fails past it.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const DEPLOY_TARGETS = ['cloudflare-free', 'cloudflare-paid', 'github-pages', 'netlify'] as const;
export type DeployTarget = (typeof DEPLOY_TARGETS)[number];
export const DEPLOY_TARGET_VARIABLE = 'DEPLOY_TARGET';

/** The share of a limit at which the build starts warning. */
export const WARN_AT = 0.8;

const MiB = 1024 * 1024;
const GB = 1000 * 1000 * 1000;

export interface HostLimits {
  name: string;
  /** Files in the whole output. */
  files?: number;
  /** Bytes of the whole output. */
  bytes?: number;
  /** Bytes of any one file. */
  fileBytes?: number;
  /** Entries (files and folders) in any one folder. */
  perFolder?: number;
}

export const HOST_LIMITS: Record<DeployTarget, HostLimits> = {
  'cloudflare-free': { name: 'Cloudflare Pages (free plan)', files: 20_000, fileBytes: 25 * MiB },
  'cloudflare-paid': { name: 'Cloudflare Pages (paid plans)', files: 100_000, fileBytes: 25 * MiB },
  'github-pages': { name: 'GitHub Pages', bytes: 1 * GB },
  netlify: { name: 'Netlify', perFolder: 54_000 },
};

/** Reads DEPLOY_TARGET; unset means no host to check against. */
export function deployTarget(value: string | undefined): DeployTarget | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return undefined;
  if ((DEPLOY_TARGETS as readonly string[]).includes(v)) return v as DeployTarget;
  const near = DEPLOY_TARGETS.filter((t) => t.startsWith(v.split('-')[0]!.slice(0, 3)));
  throw new Error(
    `${DEPLOY_TARGET_VARIABLE}="${value}" is not a host this build knows.` +
      `\nFix: set ${DEPLOY_TARGET_VARIABLE} to one of ${DEPLOY_TARGETS.join(', ')}, or leave it unset` +
      `${near.length ? `; did you mean ${near.map((t) => `"${t}"`).join(' or ')}?` : '.'}`,
  );
}

export interface OutputSize {
  files: number;
  bytes: number;
  /** The largest file, relative to the output folder. */
  largest: { file: string; bytes: number };
  /** The folder with the most entries, relative to the output folder ('.' for the top). */
  fullest: { folder: string; entries: number };
  /** Claim pages (articles/<slug>/claims/<id>/index.html), which claimPages controls. */
  claimPages: { files: number; bytes: number };
}

const CLAIM_PAGE = /^articles\/[^/]+\/claims\/[^/]+\/index\.html$/;

/** Counts and sizes every file under `dir`. */
export function measureOutput(dir: string): OutputSize {
  const out: OutputSize = {
    files: 0,
    bytes: 0,
    largest: { file: '', bytes: -1 },
    fullest: { folder: '.', entries: 0 },
    claimPages: { files: 0, bytes: 0 },
  };
  const walk = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true });
    if (entries.length > out.fullest.entries)
      out.fullest = { folder: path.relative(dir, folder).split(path.sep).join('/') || '.', entries: entries.length };
    for (const e of entries) {
      const full = path.join(folder, e.name);
      if (e.isDirectory()) {
        walk(full);
        continue;
      }
      const bytes = statSync(full).size;
      const rel = path.relative(dir, full).split(path.sep).join('/');
      out.files++;
      out.bytes += bytes;
      if (bytes > out.largest.bytes) out.largest = { file: rel, bytes };
      if (CLAIM_PAGE.test(rel)) {
        out.claimPages.files++;
        out.claimPages.bytes += bytes;
      }
    }
  };
  walk(dir);
  return out;
}

const count = (n: number) => n.toLocaleString('en-GB');
export const size = (bytes: number) =>
  bytes >= GB ? `${(bytes / GB).toFixed(2)} GB` : `${(bytes / MiB).toFixed(1)} MiB`;

/** One line for every build: what it wrote. */
export function describeOutput(o: OutputSize): string {
  const claims = o.claimPages.files
    ? `; ${count(o.claimPages.files)} of the files (${size(o.claimPages.bytes)}) are claim pages`
    : '';
  return `output: ${count(o.files)} files, ${size(o.bytes)}${claims}`;
}

export interface HostFinding {
  level: 'warning' | 'error';
  message: string;
}

/** What would help with too many files or bytes, given the settings in force. */
function remedy(o: OutputSize, claimPages: string, other: string): string {
  const help: string[] = [];
  if (o.claimPages.files > 0) {
    const next = claimPages === 'all' ? 'verdicts' : 'none';
    help.push(
      `set SOURCED_CLAIM_PAGES=${next} (claim pages are ${count(o.claimPages.files)} files, ${size(o.claimPages.bytes)}; docs/deploying.md, "Claim pages")`,
    );
  }
  help.push(other);
  return help.join(', or ');
}

/** Checks the output against a host's limits: warnings from WARN_AT of a limit, errors past it. */
export function checkHost(o: OutputSize, target: DeployTarget, claimPages: string): HostFinding[] {
  const host = HOST_LIMITS[target];
  const found: HostFinding[] = [];
  const judge = (
    used: number,
    limit: number | undefined,
    allows: (limit: number) => string,
    wrote: string,
    fix: string,
  ) => {
    if (limit === undefined || used < limit * WARN_AT) return;
    const over = used > limit;
    found.push({
      level: over ? 'error' : 'warning',
      message:
        `${over ? 'Past' : 'Near'} a limit of ${host.name} (${DEPLOY_TARGET_VARIABLE}=${target}): it allows ` +
        `${allows(limit)}, and ${wrote} (${Math.round((used / limit) * 100)}% of the limit).\nFix: ${fix}.`,
    });
  };
  const other =
    target === 'cloudflare-free' ? 'move to a paid plan (DEPLOY_TARGET=cloudflare-paid)' : 'deploy to another host';
  judge(
    o.files,
    host.files,
    (l) => `${count(l)} files`,
    `this build wrote ${count(o.files)}`,
    remedy(o, claimPages, other),
  );
  judge(
    o.bytes,
    host.bytes,
    (l) => `${size(l)} in all`,
    `this build wrote ${size(o.bytes)}`,
    remedy(o, claimPages, 'deploy to Cloudflare Pages or Netlify, which limit files rather than bytes'),
  );
  judge(
    o.largest.bytes,
    host.fileBytes,
    (l) => `${size(l)} a file`,
    `${o.largest.file} is ${size(o.largest.bytes)}`,
    `make ${o.largest.file} smaller`,
  );
  judge(
    o.fullest.entries,
    host.perFolder,
    (l) => `${count(l)} entries in one folder`,
    `${o.fullest.folder}/ has ${count(o.fullest.entries)}`,
    'build the site in parts, each deployed on its own (docs/performance.md, "Past one machine")',
  );
  return found;
}
