/**
 * Says what the build wrote (files and bytes), and, with DEPLOY_TARGET set, checks it against
 * that host's limits: a warning from 80% of a limit, a failed build past it, each naming the
 * setting that helps. Runs last, once every other step has written its files. A host that
 * refuses a deployment does so after the build has passed; this says so before.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CLAIM_PAGES } from '../../lib/site';
import { DEPLOY_TARGET_VARIABLE, checkHost, deployTarget, describeOutput, measureOutput } from './limits';

export function hostLimits(): AstroIntegration {
  // Read at start-up, so a misspelt target fails before anything is rendered.
  const target = deployTarget(process.env[DEPLOY_TARGET_VARIABLE]);
  return {
    name: 'sourced:host-limits',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const output = measureOutput(fileURLToPath(dir));
        logger.info(describeOutput(output));
        if (!target) return;
        const findings = checkHost(output, target, CLAIM_PAGES);
        for (const f of findings) if (f.level === 'warning') logger.warn(f.message);
        const errors = findings.filter((f) => f.level === 'error');
        if (errors.length) throw new Error(errors.map((f) => f.message).join('\n\n'));
        if (!findings.length) logger.info(`within the limits of ${target}`);
      },
    },
  };
}
