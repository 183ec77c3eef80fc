// The Nu HTML Checker (vnu) on every built HTML page: zero errors. Warnings are printed, not
// failed: they are advice (for example a redundant ARIA role), not invalid markup.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { builtPages } from '../support/browser';
import { ROOT } from '../support/global-setup';

const VNU = path.join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  /** 'error', 'info', 'non-document-error', or another the checker may add. */
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

const outDir = inject('outDir');
// A page that is certainly invalid, checked in the same run, proves vnu really reports errors.
const canaryDir = mkdtempSync(path.join(tmpdir(), 'sourced-vnu-canary-'));
const canary = path.join(canaryDir, 'invalid.html');
writeFileSync(
  canary,
  '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>block in p</div></p><span id="a"></span><span id="a"></span></body></html>',
);
afterAll(() => rmSync(canaryDir, { recursive: true, force: true }));

function runVnu(targets: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-jar', VNU, '--format', 'json', '--skip-non-html', ...targets],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(
            new Error(
              'java is not installed or not on PATH; the HTML check needs a Java runtime (apt-get install default-jre-headless).',
            ),
          );
          return;
        }
        try {
          resolve((JSON.parse(stderr) as { messages: VnuMessage[] }).messages);
        } catch {
          reject(new Error(`vnu did not print JSON (exit ${error?.code ?? 0}):\n${stderr}`));
        }
      },
    );
  });
}

const where = (m: VnuMessage) =>
  `${m.url ? path.relative(outDir, fileURLToPath(m.url)) : '?'}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'}`;

describe('HTML validity', () => {
  it('reports no vnu errors in any built page', { timeout: 180_000 }, async () => {
    expect(builtPages(outDir).length).toBeGreaterThan(0);
    const messages = await runVnu([outDir, canaryDir]);
    const isError = (m: VnuMessage) => m.type === 'error' || m.type === 'non-document-error';
    const inCanary = (m: VnuMessage) => Boolean(m.url && fileURLToPath(m.url) === canary);

    expect(
      messages.filter((m) => inCanary(m) && isError(m)).length,
      'vnu found no errors in a known-invalid page',
    ).toBeGreaterThan(0);

    const site = messages.filter((m) => !inCanary(m));
    const warnings = site.filter((m) => m.type === 'info' && m.subType === 'warning');
    if (warnings.length) {
      // Grouped by message: a layout warning repeats on every page.
      const byMessage = Map.groupBy(warnings, (m) => m.message);
      const lines = [...byMessage].map(
        ([msg, ms]) => `  ${msg} (${ms.length}×, e.g. ${ms.slice(0, 3).map(where).join(', ')})`,
      );
      console.info(`vnu warnings (not failures):\n${lines.join('\n')}`);
    }
    const errors = site.filter(isError);
    expect(errors, errors.map((m) => `${where(m)} ${m.message}\n    ${m.extract ?? ''}`).join('\n')).toEqual([]);
  });
});
