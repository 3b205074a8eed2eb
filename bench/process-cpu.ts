/**
 * CPU time of processes, read from Linux's /proc: of one process, or of this bench and every process it started,
 * named by what they run (a load run's CPU per request, process by process, says where the machine's time goes).
 */
import { readFileSync, readdirSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ

function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** User and system CPU time of a process so far, in milliseconds. */
export function cpuMilliseconds(pid: number): number {
  const fields = statFields(pid);
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Resident memory of a process, in megabytes. */
export function rssMegabytes(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
}

/** What a process runs, in a word: `gateway` or a service's name for Octroi's, else the program's name. */
function nameOf(pid: number): string {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  if (pid === process.pid) return 'load generator (this bench)';
  const octroi = args.map((arg) => /(gateway|services\/(\w+))\/dist\/main\.js$/.exec(arg)).find(Boolean);
  if (octroi) return octroi[2] ?? 'gateway';
  if (args.some((arg) => arg.endsWith('/mlserver'))) return 'mlserver';
  return readFileSync(`/proc/${pid}/comm`, 'utf8').trim(); // the program, without the arguments some put in its title
}

/** CPU milliseconds so far of this process and of all its descendants alive, summed by name. */
export function cpuByProcess(): Map<string, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      parents.set(pid, Number(statFields(pid)[1]));
    } catch {
      // the process ended while the list was read
    }
  }
  const ours = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents)
      if (!ours.has(pid) && ours.has(parent)) {
        ours.add(pid);
        grew = true;
      }
  }
  const totals = new Map<string, number>();
  for (const pid of ours) {
    try {
      const name = nameOf(pid);
      totals.set(name, (totals.get(name) ?? 0) + cpuMilliseconds(pid));
    } catch {
      // ended meanwhile
    }
  }
  return totals;
}

/** CPU milliseconds per request of each process over a run, from `cpuByProcess()` before and after it. */
export function cpuPerRequest(before: Map<string, number>, after: Map<string, number>, requests: number) {
  const spent = [...after].map(([name, ms]) => [name, (ms - (before.get(name) ?? 0)) / requests] as const);
  return Object.fromEntries(spent.filter(([, ms]) => ms > 0.005).sort((a, b) => b[1] - a[1]));
}
