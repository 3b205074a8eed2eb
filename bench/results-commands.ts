/**
 * The commands `bench/RESULTS.md` quotes, checked against the repository: a figure is only worth its command if the
 * command still runs. For each quoted command: the script or module exists, and every flag it passes is one the
 * script declares (node's own flags: one node accepts). `bench/test/results-commands.test.ts` runs this in CI.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface QuotedCommand {
  line: number;
  text: string;
}

/** The `code spans` of a markdown text that are commands (env assignments first are allowed). */
export function quotedCommands(markdown: string): QuotedCommand[] {
  const commands: QuotedCommand[] = [];
  markdown.split('\n').forEach((lineText, index) => {
    for (const [, span] of lineText.matchAll(/`([^`]+)`/g)) {
      const text = span!.trim();
      const previous = commands.at(-1);
      if (/^(node|npm|npx|make|python3?)$/.test(programWords(text)[0] ?? '')) {
        commands.push({ line: index + 1, text });
      } else if (/^--[a-z]/.test(text) && previous && index + 1 - previous.line <= 2) {
        // `--seconds 1` quoted just after a command is one of its options
        commands.push({ line: index + 1, text: `${previous.text} ${text}` });
      }
    }
  });
  return commands;
}

/** The words of a command from its program on: environment assignments and `/usr/bin/time -v` put aside, and a
 * placeholder such as `<that folder>` one word. */
function programWords(command: string): string[] {
  const words = command
    .trim()
    .replace(/<[^>]*>/g, '<placeholder>')
    .split(/\s+/);
  const program = words.findIndex((word) => !/^[A-Z_][A-Z0-9_]*=/.test(word) && !/^(\/usr\/bin\/time|-v)$/.test(word));
  return program < 0 ? [] : words.slice(program);
}
const flagsOf = (words: string[]) => words.filter((word) => /^--?[a-z]/i.test(word)).map((flag) => flag.split('=')[0]!);
const sources = (path: string): string =>
  statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => name.endsWith('.py'))
        .map((name) => readFileSync(join(path, name), 'utf8'))
        .join('\n')
    : readFileSync(path, 'utf8');

/** Whether a script's source declares a flag: parseArgs options, argparse, or a hand-read `--name`. */
function declares(source: string, flag: string): boolean {
  const name = flag.replace(/^--?/, '');
  const quoted = (text: string) => [`'${text}'`, `"${text}"`, `\`${text}\``];
  return (
    new RegExp(`(^|[\\s{,])'?${name}'?\\s*:\\s*\\{`, 'm').test(source) ||
    [...quoted(flag), ...quoted(`--${name}`), `option('${name}'`].some((text) => source.includes(text))
  );
}

/** What is wrong with one quoted command, run from the repository root `root` (an empty list when nothing is). */
export function problemsOf(command: string, root: string): string[] {
  const [program, ...args] = programWords(command);
  const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as { scripts?: object };

  if (program === 'node') {
    const scriptAt = args.findIndex((arg) => /\.(ts|mjs|js)$/.test(arg) && !arg.startsWith('-'));
    if (scriptAt < 0) return ['no script to run'];
    const script = args[scriptAt]!;
    if (!existsSync(join(root, script))) return [`${script} does not exist`];
    const nodeFlags = flagsOf(args.slice(0, scriptAt)).filter((flag) => !process.allowedNodeEnvironmentFlags.has(flag));
    const unknown = flagsOf(args.slice(scriptAt + 1)).filter(
      (flag) => !declares(readFileSync(join(root, script), 'utf8'), flag),
    );
    return [
      ...nodeFlags.map((flag) => `node does not accept ${flag}`),
      ...unknown.map((flag) => `${script} does not read ${flag}`),
    ];
  }
  if (program === 'python' || program === 'python3') {
    const moduleAt = args.indexOf('-m');
    // Modules are run from training/ (the package's folder), scripts from the repository root.
    const target =
      moduleAt >= 0
        ? [
            `training/${args[moduleAt + 1]!.replaceAll('.', '/')}.py`,
            `training/${args[moduleAt + 1]!.replaceAll('.', '/')}`,
          ]
        : [args.find((arg) => arg.endsWith('.py')) ?? ''];
    const found = target.find((path) => path && existsSync(join(root, path)));
    if (!found) return [`${target.join(' or ')} does not exist`];
    const source = sources(join(root, found));
    const rest =
      moduleAt >= 0 ? args.slice(moduleAt + 2) : args.slice(args.indexOf(found.replace(/^training\//, '')) + 1);
    return flagsOf(rest)
      .filter((flag) => !declares(source, flag))
      .map((flag) => `${found} does not read ${flag}`);
  }
  if (program === 'npm' || program === 'npx') {
    if (program === 'npx') return [];
    const prefixAt = args.indexOf('--prefix');
    const folder = prefixAt >= 0 ? args[prefixAt + 1]! : '.';
    const rest = args.filter((_, i) => prefixAt < 0 || (i !== prefixAt && i !== prefixAt + 1));
    const name = rest[0] === 'run' ? rest[1] : rest[0];
    if (!name) return ['no npm script named'];
    const scripts = readJson(join(folder, 'package.json')).scripts ?? {};
    return name in scripts || name === 'ci' || name === 'install'
      ? []
      : [`${folder}/package.json has no script ${name}`];
  }
  if (program === 'make') {
    const makefile = readFileSync(join(root, 'Makefile'), 'utf8');
    return args.flatMap((arg) => {
      const variable = /^([A-Z_]+)=/.exec(arg)?.[1];
      if (variable)
        return new RegExp(`\\$\\(${variable}\\)`).test(makefile) ? [] : [`the Makefile does not read ${variable}`];
      return new RegExp(`^${arg}:`, 'm').test(makefile) ? [] : [`the Makefile has no target ${arg}`];
    });
  }
  return [`${program} is not a command this check knows`];
}
