/**
 * The node:test reporter of `npm test`: one line per test with its time and, for a failing test only, its error and
 * what its file logged (the services a test starts log there too). With OCTROI_TEST_LOG set, everything the test
 * files print goes to that file too, beside the same result lines, written at once: the runner may end the process
 * (--test-force-exit) before an asynchronous reporter has flushed.
 * Tests not run are listed by name with their reason, on lines that start with "NOT RUN": in OCTROI_TEST_NOT_RUN
 * when it is set, else at the end.
 */
import { appendFileSync, writeSync } from 'node:fs';
import { relative } from 'node:path';
import { inspect } from 'node:util';

/** How much of a failing file's log the terminal shows; the run's log has all of it. */
const SHOWN_LOG_LINES = 120;
const SHOWN_ERROR_LINES = 40;
const LOG = process.env.OCTROI_TEST_LOG;
/** Where the tests not run are listed as they are met (the list printed at the end can be cut by a forced exit). */
const NOT_RUN = process.env.OCTROI_TEST_NOT_RUN;

const seconds = (ms) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
const indent = (text, by = '    ') =>
  text
    .split('\n')
    .map((line) => by + line)
    .join('\n');
const lastLines = (text, count) => {
  const lines = text.trimEnd().split('\n');
  return (lines.length > count ? [`… ${lines.length - count} lines before`, ...lines.slice(-count)] : lines).join('\n');
};
const toLog = (text) => {
  if (LOG) appendFileSync(LOG, text);
};
const where = (file) => (file ? relative(process.cwd(), file) : 'the runner');

/** The assertion or error a test failed with, not the runner's wrapper around it. */
function describeFailure(error) {
  if (error.failureType === 'testTimeoutFailure') return `${error.cause ?? error.message}: stopped`;
  const cause = error.cause instanceof Error || typeof error.cause === 'string' ? error.cause : error;
  // The message comes first, then the difference: the head of it is what to show.
  const lines = (typeof cause === 'string' ? cause : inspect(cause, { depth: 4 })).trimEnd().split('\n');
  const more = lines.length - SHOWN_ERROR_LINES;
  return [...lines.slice(0, SHOWN_ERROR_LINES), ...(more > 0 ? [`… ${more} more lines`] : [])].join('\n');
}

/** @param {AsyncIterable<import('node:test/reporters').TestEvent>} source */
export default async function* quietReporter(source) {
  const logOf = new Map(); // per test file, what it printed so far
  const names = []; // the enclosing suites' names, by nesting
  const notRun = [];
  let currentFile;
  // Written at once rather than yielded: --test-force-exit ends the process as soon as the last test is done,
  // and what a reporter yields is written later (the summary would be cut short).
  const say = (text) => {
    writeSync(1, text);
    toLog(text);
  };

  for await (const event of source) {
    switch (event.type) {
      case 'test:stdout':
      case 'test:stderr': {
        const file = event.data.file ?? '';
        logOf.set(file, ((logOf.get(file) ?? '') + event.data.message).slice(-200_000));
        toLog(event.data.message);
        break;
      }
      case 'test:start':
        names[event.data.nesting] = event.data.name;
        names.length = event.data.nesting + 1;
        break;
      case 'test:pass':
      case 'test:fail': {
        const { data } = event;
        const failed = event.type === 'test:fail';
        // A suite speaks through its tests, unless it failed on its own (a hook, a time-out).
        if (data.details.type === 'suite' && (!failed || data.details.error.failureType === 'subtestsFailed')) break;
        if (data.file !== currentFile) {
          currentFile = data.file;
          say(`▶ ${where(data.file)}\n`);
        }
        // A test named after its file is the file itself (it failed to load, or did not end in time).
        const name =
          data.nesting === 0 && data.name === data.file
            ? '(the test file)'
            : [...names.slice(0, data.nesting), data.name].join(' › ');
        if (data.skip !== undefined && data.skip !== false) {
          const reason = typeof data.skip === 'string' ? data.skip : 'skipped';
          say(`  - ${name} (not run: ${reason})\n`);
          notRun.push(`NOT RUN ${where(data.file)} › ${name}: ${reason}`);
          if (NOT_RUN) appendFileSync(NOT_RUN, `${notRun.at(-1)}\n`);
        } else if (!failed) {
          say(`  ✔ ${name} (${seconds(data.details.duration_ms)})\n`);
        } else {
          say(`  ✖ ${name} (${seconds(data.details.duration_ms)})\n${indent(describeFailure(data.details.error))}\n`);
          const log = logOf.get(data.file ?? '');
          if (log) {
            writeSync(
              1,
              `    what ${where(data.file)} logged up to this failure (the last lines${LOG ? `; all of it in ${LOG}` : ''}):\n`,
            );
            writeSync(1, `${indent(lastLines(log, SHOWN_LOG_LINES), '    │ ')}\n`);
          }
        }
        break;
      }
      case 'test:diagnostic':
        // The runner's totals (nesting 0, after the last file); a file's own diagnostics stay in the log.
        if (event.data.nesting === 0 && !event.data.file) say(`# ${event.data.message}\n`);
        else toLog(`# ${event.data.message}\n`);
        break;
      default:
        break;
    }
  }
  if (notRun.length > 0 && !NOT_RUN) say(`${notRun.join('\n')}\n`);
  yield '';
}
