import type { ChildProcess } from 'node:child_process';

/**
 * Processes a test started (servers, services): whatever way the test process ends — its tests done, a failed
 * start-up, an uncaught error, Ctrl-C or a runner's SIGTERM — none of them is left running behind it.
 */
const owned = new Set<ChildProcess>();
let watching = false;

function killOwned() {
  for (const child of owned) child.kill('SIGKILL');
  owned.clear();
}

function watchTestProcess() {
  watching = true;
  process.once('exit', killOwned);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killOwned();
      process.kill(process.pid, signal); // the default action now that the listener is gone
    });
  }
}

/** Marks a started process as the test's own: killed with the test process if nothing stopped it before. */
export function ownedProcess<T extends ChildProcess>(child: T): T {
  if (!watching) watchTestProcess();
  owned.add(child);
  child.once('exit', () => owned.delete(child));
  return child;
}

export const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Sends `signal` and waits for the process to exit; one still running after `graceMs` (a frozen or stopped process
 * ignores SIGTERM) is killed. Never waits longer than that.
 */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000) {
  if (hasExited(child)) return;
  const exited = new Promise<'exited'>((done) => child.once('exit', () => done('exited')));
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((done) => (timer = setTimeout(() => done('late'), graceMs)));
  if ((await Promise.race([exited, late])) === 'late') {
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}
