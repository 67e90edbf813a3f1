/**
 * Self time by function and by file of a V8 CPU profile (what `node --cpu-prof` writes, e.g. via
 * `npm run bench -- --cpu-prof DIR`):
 *
 *   npx tsx tools/bench/profile-summary.ts FILE.cpuprofile [TOP] [LAST_SECONDS]
 *
 * LAST_SECONDS keeps only the profile's last seconds: the measured question without the start-up
 * and the warm-up before it.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, lastArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: npx tsx tools/bench/profile-summary.ts FILE.cpuprofile [TOP] [LAST_SECONDS]\n');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
const sampledUs = profile.timeDeltas.reduce((a, b) => a + b, 0);
const fromUs = lastArg === undefined ? 0 : sampledUs - Number(lastArg) * 1e6;
let atUs = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  atUs += delta;
  if (atUs >= fromUs) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const shortUrl = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|src|tools)\//, '$1/').replace(/^node:/, 'node:');
const fnTimes = new Map<string, number>();
const fileTimes = new Map<string, number>();
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : '(native)';
  const fn = `${functionName || '(anonymous)'} ${where}`;
  fnTimes.set(fn, (fnTimes.get(fn) ?? 0) + us);
  const group = url ? shortUrl(url).replace(/^(node_modules\/(@[^/]+\/)?[^/]+).*/, '$1') : functionName || '(native)';
  fileTimes.set(group, (fileTimes.get(group) ?? 0) + us);
}
const print = (title: string, times: Map<string, number>) => {
  process.stdout.write(`${title}\n`);
  for (const [name, us] of [...times].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((100 * us) / total).toFixed(1).padStart(6)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}\n`);
  }
};
process.stdout.write(`total sampled ${(total / 1e6).toFixed(1)} s\n`);
print('by file or package (self time):', fileTimes);
print('by function (self time):', fnTimes);
