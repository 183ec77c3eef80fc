// `npm run new -- …` and `npm run review -- …`: the editorial commands of src/editorial
// (new-command.ts, review-command.ts), run from their bundle (scripts/lib/editorial-bundle.mjs).
import { loadEditorial } from './lib/editorial-bundle.mjs';

const COMMANDS = { new: 'runNew', review: 'runReview' };
const [command = '', ...args] = process.argv.slice(2);
const name = COMMANDS[command];
if (!name) {
  console.error(`Unknown editorial command "${command}".\n    Fix: Use npm run new or npm run review.`);
  process.exitCode = 2;
} else {
  let editorial;
  try {
    editorial = await loadEditorial(command);
  } catch (e) {
    // esbuild's message names each file, line and column it could not read.
    console.error(`The editorial commands could not be bundled: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  }
  if (editorial) {
    const { code, output } = editorial[name](args);
    (code === 0 ? console.log : console.error)(output);
    process.exitCode = code;
  }
}
