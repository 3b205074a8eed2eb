/**
 * What held a process's main thread, read from a V8 CPU profile (`node --cpu-prof`): every stretch of consecutive
 * busy samples longer than a limit, after a given moment, with the functions that took most of it. A stretch is one
 * task of the event loop (or several back to back): nothing else ran on that thread meanwhile, so a request arriving
 * then waited for its end.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface LongTask {
  /** Milliseconds after `from`. */
  at: number;
  ms: number;
  /** The functions (with their file) most often on top of the stack during the task, by share of its samples. */
  top: Array<{ frame: string; share: number }>;
}

const frameName = ({ callFrame }: ProfileNode) => {
  const file = callFrame.url.replace(/^.*\/(node_modules\/[^/]+|[^/]+\/[^/]+)\//, '$1/');
  return `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber + 1}`;
};

/**
 * The tasks longer than `longerThanMs` from `fromMicros` on (in the profile's clock: CLOCK_MONOTONIC µs on Linux,
 * as `process.hrtime.bigint() / 1000n` in another process).
 */
export function longTasks(profileFile: string, fromMicros: number, longerThanMs = 25): LongTask[] {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  // Anything but waiting for events holds the loop: JavaScript, garbage collection, native work ("(program)").
  const isBusy = (node: ProfileNode) => node.callFrame.functionName !== '(idle)';
  const tasks: LongTask[] = [];
  let time = profile.startTime;
  let start: number | undefined;
  let counts = new Map<string, number>();
  let samples = 0;
  const close = (end: number) => {
    if (start !== undefined && (end - start) / 1000 > longerThanMs) {
      const top = [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([frame, count]) => ({ frame, share: count / samples }));
      tasks.push({ at: (start - fromMicros) / 1000, ms: (end - start) / 1000, top });
    }
    start = undefined;
    counts = new Map();
    samples = 0;
  };
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i]!;
    if (time < fromMicros) return;
    const node = byId.get(id)!;
    if (!isBusy(node)) {
      close(time);
      return;
    }
    start ??= time;
    const frame = frameName(node);
    counts.set(frame, (counts.get(frame) ?? 0) + 1);
    samples++;
  });
  close(time);
  return tasks;
}

/** Where a process spent its time over a whole profile: the functions by share of the busy samples (self time). */
export function busiestFunctions(profileFile: string, count = 12): Array<{ frame: string; share: number }> {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map<string, number>();
  let busy = 0;
  for (const id of profile.samples) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') continue;
    const frame = frameName(node);
    counts.set(frame, (counts.get(frame) ?? 0) + 1);
    busy++;
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([frame, samples]) => ({ frame, share: samples / busy }));
}
