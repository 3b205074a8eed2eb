import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** The methods the routes of a path answer (none: no route has this path), for 405 and its Allow header. */
    methodsAllowed(path: string): string[];
  }
}

/** The API's paths (every other GET may be the dashboard's: one of its files, or its index page). */
export const isApiPath = (path: string) => /^\/(api|v2|docs|get_|legacy)/.test(path);

/** `/api/v1/clients/:id/score` → a pattern matching its paths; undefined for a catch-all (the dashboard's files). */
function patternOf(url: string): RegExp | undefined {
  if (url.includes('*')) return undefined;
  const source = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * Every route's path and methods, collected as the routes are declared, so that a wrong method on a known path is
 * answered 405 with the methods it takes (`Allow`), and only a path no route has is a 404.
 */
export default fp(
  async (app) => {
    const routes = new Map<string, { pattern: RegExp; methods: Set<string> }>();
    app.addHook('onRoute', ({ url, method }) => {
      const pattern = patternOf(url);
      if (!pattern) return;
      const route = routes.get(url) ?? { pattern, methods: new Set<string>() };
      for (const each of ([] as string[]).concat(method)) route.methods.add(each.toUpperCase());
      routes.set(url, route);
    });
    app.decorate('methodsAllowed', (path: string) => {
      const methods = new Set<string>();
      for (const { pattern, methods: taken } of routes.values())
        if (pattern.test(path)) taken.forEach((m) => methods.add(m));
      return [...methods].sort();
    });
  },
  { name: 'known-paths' },
);
