// Runs the compromise NLP library over the same news corpus the recognition
// benchmark uses and prints its throughput in words per second, for the
// ratio in scripts/bench. Usage: node compromise-bench.mjs CORPUS_FILE
// (compromise is installed by compromise-bench.sh into a cache folder).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.env.COMPROMISE_DIR + '/');
const nlp = require('compromise');
const text = readFileSync(process.argv[2], 'utf8');
const words = text.split(/\s+/).filter(Boolean).length;
// What the comparison asks of it: people, places and quotations, as the
// issue's figure for compromise was measured.
const run = () => {
  const doc = nlp(text);
  return doc.people().length + doc.places().length + doc.quotations().length;
};
run();
const rounds = Math.max(1, Number(process.argv[3] || 3));
const t0 = process.hrtime.bigint();
for (let i = 0; i < rounds; ++i) run();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ words, seconds: seconds / rounds, wordsPerSecond: (words * rounds) / seconds }));
