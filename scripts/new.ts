// `npm run new`: drafts an analysis from a news text (src/editorial/new-command.ts).
import { runNew } from '../src/editorial/new-command';

const { code, output } = runNew(process.argv.slice(2));
(code === 0 ? console.log : console.error)(output);
process.exitCode = code;
