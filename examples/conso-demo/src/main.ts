import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from './run-demo.js';

// `npm run demo [-- <file.sqlite> [lang]]`: the consolidation demo on the embedded default.
const file = process.argv[2] ?? join(tmpdir(), 'hangar-demo.sqlite');
const lang = process.argv[3] ?? process.env.HANGAR_LANG ?? 'en';
const outcome = await runDemo(file, lang, (line) => console.log(line));

console.log(`\nOwnership of ${outcome.consoCode}:`);
for (const o of outcome.ownership) {
  console.log(
    `  ${o.company.padEnd(6)} method ${o.method}  group ${(o.group * 100).toFixed(2)} %  minority ${(o.minority * 100).toFixed(2)} %`,
  );
}
console.log(`\nConsolidated trial balance of ${outcome.consoCode} (group currency, debit +):`);
for (const r of outcome.trialBalance)
  console.log(`  ${r.account.padEnd(14)} ${r.amount.toFixed(2).padStart(16)}`);
console.log(
  `  ${'TOTAL'.padEnd(14)} ${outcome.total.toFixed(2).padStart(16)}  ${Math.abs(outcome.total) < 0.01 ? '(balanced)' : '(NOT BALANCED)'}`,
);
if (Math.abs(outcome.total) >= 0.01) process.exitCode = 1;
