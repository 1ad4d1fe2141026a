// `npm run check:content`: checks every content file and lists what to fix, file by file.
import { join } from 'node:path';
import { checkContent } from '../src/lib/content/check.ts';

const root = process.env.CONTENT_DIR ?? join(process.cwd(), 'src', 'content');
const problems = checkContent(root);
for (const p of problems) console.error(`${p.file}: ${p.field}: ${p.message}`);
console.log(problems.length === 0 ? 'All content is fine.' : `${problems.length} problem(s) to fix.`);
process.exitCode = problems.length === 0 ? 0 : 1;
