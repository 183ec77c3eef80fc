// `npm run review -- <slug>… | --all`: what stands between articles and publication (src/editorial/review-command.ts).
import { runReview } from '../src/editorial/review-command';

const { code, output } = runReview(process.argv.slice(2));
(code === 0 ? console.log : console.error)(output);
process.exitCode = code;
