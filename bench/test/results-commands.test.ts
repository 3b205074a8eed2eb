import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { problemsOf, quotedCommands } from '../results-commands.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const results = readFileSync(resolve(ROOT, 'bench/RESULTS.md'), 'utf8');

test('every command bench/RESULTS.md quotes exists, with flags its script reads', () => {
  const commands = quotedCommands(results);
  assert.ok(commands.length >= 5, `only ${commands.length} commands found in RESULTS.md`);
  const problems = commands.flatMap(({ line, text }) =>
    problemsOf(text, ROOT).map((problem) => `RESULTS.md:${line} \`${text}\`: ${problem}`),
  );
  assert.deepEqual(problems, []);
});

test('the check finds a missing script, a flag no script reads, a missing npm script and make target', () => {
  assert.deepEqual(problemsOf('node --import tsx bench/no-such-bench.ts', ROOT), [
    'bench/no-such-bench.ts does not exist',
  ]);
  assert.deepEqual(problemsOf('node --conditions=source --import tsx bench/serving.ts --duration 5 --warp 9', ROOT), [
    'bench/serving.ts does not read --warp',
  ]);
  assert.deepEqual(problemsOf('node --no-such-node-flag bench/serving.ts', ROOT), [
    'node does not accept --no-such-node-flag',
  ]);
  assert.deepEqual(problemsOf('python3 bench/treeshap_lightgbm.py --model m --speed 2', ROOT), [
    'bench/treeshap_lightgbm.py does not read --speed',
  ]);
  assert.deepEqual(problemsOf('python -m octroi_training.generate --out x --n 5 --rows 3', ROOT), [
    'training/octroi_training/generate does not read --rows',
  ]);
  assert.deepEqual(problemsOf('npm --prefix web run no-such-script', ROOT), [
    'web/package.json has no script no-such-script',
  ]);
  assert.deepEqual(problemsOf('make train DATA=x SPEED=2', ROOT), ['the Makefile does not read SPEED']);
  assert.deepEqual(problemsOf('make no-such-target', ROOT), ['the Makefile has no target no-such-target']);
});

test('commands are found in code spans, with environment variables before them, and prose is not', () => {
  const markdown = [
    'Run `OCTROI_URL=http://x node bench/dashboard.mjs 20` then `npm start`; the `wrk` tool.',
    'Then `node bench/treeshap.ts` (optionally `--seconds 1`).',
    '',
    '',
    'Far below, `--cpu-prof` is not an option of it.',
  ].join('\n');
  assert.deepEqual(
    quotedCommands(markdown).map((command) => command.text),
    [
      'OCTROI_URL=http://x node bench/dashboard.mjs 20',
      'npm start',
      'node bench/treeshap.ts',
      'node bench/treeshap.ts --seconds 1',
    ],
  );
});
