/**
 * Says what the build wrote (files and bytes), and, with DEPLOY_TARGET set, checks it against
 * that host's limits: a warning from 80% of a limit, a failed build past it, each naming the
 * setting that helps. The last step of the post-build integration (../post-build), once every
 * other step has written its files. A host refuses a deployment after the build has passed;
 * this says so before.
 */
import { CLAIM_PAGES } from '../../lib/site';
import { DEPLOY_TARGET_VARIABLE, checkHost, deployTarget, describeOutput, measureOutput } from './limits';

interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** The host to check against, read once at start-up so that a misspelt one fails before rendering. */
export const hostTarget = () => deployTarget(process.env[DEPLOY_TARGET_VARIABLE]);

/** Measures `outDir` and checks it against `target`; throws past a limit. */
export function checkOutput(outDir: string, target: ReturnType<typeof hostTarget>, logger: Logger): void {
  const output = measureOutput(outDir);
  logger.info(describeOutput(output));
  if (!target) return;
  const findings = checkHost(output, target, CLAIM_PAGES);
  for (const f of findings) if (f.level === 'warning') logger.warn(f.message);
  const errors = findings.filter((f) => f.level === 'error');
  if (errors.length) throw new Error(errors.map((f) => f.message).join('\n\n'));
  if (!findings.length) logger.info(`within the limits of ${target}`);
}
