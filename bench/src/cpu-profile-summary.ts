import { readFileSync } from 'node:fs';

// `npx tsx bench/src/cpu-profile-summary.ts <file.cpuprofile> [windows.json] [top]`: sums the
// self time of each function in a V8 CPU profile (`node --cpu-prof`), only inside the windows a
// benchmark wrote (`BENCH_PROFILE_WINDOWS`, the processing phases; the whole profile without
// one), and prints the top entries with their share.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [file, windowsFile, top = '30'] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile-summary <file.cpuprofile> [windows.json] [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const windows = windowsFile
  ? (JSON.parse(readFileSync(windowsFile, 'utf8')) as Array<[number, number]>)
  : undefined;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<string, number>();
let total = 0;
let at = profile.startTime;
for (const [i, id] of profile.samples.entries()) {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (windows && !windows.some(([from, to]) => at >= from && at <= to)) continue;
  const frame = nodes.get(id)?.callFrame;
  if (!frame) continue;
  const where = frame.url.replace(/.*node_modules\//, '').replace(/.*\/packages\//, '');
  const key = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
  selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
  total += delta;
}
for (const [key, us] of [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
  console.log(
    `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`,
  );
}
console.log(`total ${(total / 1000).toFixed(0)} ms`);
