// How busy a launched browser still is, from Linux's /proc: after a large write its store may
// compact in the background, and what is timed meanwhile would be that work as much as ours.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function processes() {
  const list = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command may hold spaces and parentheses: the fields after its closing one are plain.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      list.push({ pid: Number(name), ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), cmdline });
    } catch {
      // gone meanwhile
    }
  }
  return list;
}

/** CPU seconds used so far by the browser launched on `userDataDir` and all its processes; null off Linux. */
export function browserCpuSeconds(userDataDir) {
  let all;
  try {
    all = processes();
  } catch {
    return null;
  }
  const roots = all.filter((p) => p.cmdline.includes(`--user-data-dir=${userDataDir}`) && !p.cmdline.includes('--type='));
  if (!roots.length) return null;
  const tree = new Set(roots.map((p) => p.pid));
  // Children are listed before or after their parent: repeat until no process joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) if (!tree.has(p.pid) && tree.has(p.ppid)) (tree.add(p.pid), (grew = true));
  }
  return all.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.cpuTicks, 0) / TICKS_PER_SECOND;
}

/**
 * Waits until the browser uses less than `idleShare` of one core over a `windowMs` window, at
 * most `maxMs`. Returns how long that took and the CPU seconds the browser used meanwhile
 * (null when this system does not say).
 */
export async function waitUntilBrowserIdle(userDataDir, { windowMs = 5_000, idleShare = 0.15, maxMs = 10 * 60_000 } = {}) {
  const start = performance.now();
  const first = browserCpuSeconds(userDataDir);
  if (first === null) return { waitedMs: 0, cpuSeconds: null, idle: false };
  let last = first;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = browserCpuSeconds(userDataDir) ?? last;
    const idle = now - last < (idleShare * windowMs) / 1000;
    last = now;
    if (idle || performance.now() - start >= maxMs) return { waitedMs: performance.now() - start, cpuSeconds: now - first, idle };
  }
}
