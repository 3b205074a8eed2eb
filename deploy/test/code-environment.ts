import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Environment variable names the TypeScript sources read, through the runtime's helpers or process.env. */
export function environmentReadByCode(): Set<string> {
  const patterns = [
    /\benv(?:String|Int|List)\(\s*['"]([A-Z0-9_]+)['"]/g,
    /\bprocess\.env\.([A-Z0-9_]+)/g,
    /\b(?:process\.)?env\[\s*['"]([A-Z0-9_]+)['"]\s*\]/g,
  ];
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      // Production code only: a variable that only tests read configures nothing in a container.
      if (entry.isDirectory()) {
        if (!['node_modules', 'test', 'testing'].includes(entry.name)) visit(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const pattern of patterns) for (const match of text.matchAll(pattern)) names.add(match[1]!);
      }
    }
  };
  for (const dir of ['packages', 'services', 'gateway']) visit(join(ROOT, dir));
  return names;
}
