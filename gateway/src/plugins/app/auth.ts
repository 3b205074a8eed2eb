import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { SessionUser } from '@octroi/contracts';
import { OctroiError } from '@octroi/runtime';

type Role = SessionUser['role'];
import type { ApiKeys } from '../../auth/api-keys.ts';
import type { SessionTokens } from '../../auth/session-token.ts';
import type { UserStore } from '../../auth/users.ts';

export const SESSION_COOKIE = 'octroi_session';
export const API_KEY_HEADER = 'x-api-key';

export interface Principal {
  kind: 'user' | 'api-key';
  /** Username or API key name: what rate limits and logs count by. */
  id: string;
  user?: SessionUser;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyInstance {
    /** An onRequest hook: no principal, no data (401). */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** An onRequest hook, after authentication: a principal without one of the roles gets 403. */
    requireRole: (...roles: Role[]) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

export interface AuthDeps {
  apiKeys: ApiKeys;
  users: UserStore;
  tokens: SessionTokens;
}

/** Who is calling: an API key (machine clients) or a signed-in user (the dashboard); undefined for nobody. */
export function identify(request: FastifyRequest, { apiKeys, users, tokens }: AuthDeps): Principal | undefined {
  const key = request.headers[API_KEY_HEADER];
  if (typeof key === 'string' && key) {
    const owner = apiKeys.owner(key);
    return owner ? { kind: 'api-key', id: owner } : undefined;
  }
  const token = request.cookies[SESSION_COOKIE];
  const session = token ? tokens.verify(token) : undefined;
  // The user must still exist, with the password the session was opened with.
  const current = session && users.credentialStamp(session.username) === session.stamp;
  const user = current ? users.find(session.username) : undefined;
  return user ? { kind: 'user', id: user.username, user } : undefined;
}

/** An onRequest hook for everything that shows client data: no principal, no data. */
export function requireAuth(deps: AuthDeps) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    request.principal = identify(request, deps);
    if (!request.principal) {
      throw new OctroiError('unauthorized', 'Sign in, or send a valid API key in the X-API-Key header');
    }
    request.log = request.log.child({ principal: request.principal.id });
  };
}

/**
 * A signed-in user with one of the roles may go on; anyone else is refused with 403. An API key has no role: what
 * only an administrator or an officer may do (promote a model, decide on an application) is done by a person who
 * signed in.
 */
export function requireRole(...roles: Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const role = request.principal?.user?.role;
    if (!role || !roles.includes(role)) {
      throw new OctroiError('forbidden', `This needs the ${roles.join(' or ')} role`);
    }
  };
}

export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean) {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Who is calling, for every route that wants to know: `app.authenticate` as an onRequest hook. A folder of routes
 * that shows client data adds it to its whole scope (`routes/secured/autohooks.ts`).
 */
export default fp<AuthDeps>(
  async (app, deps) => {
    app.decorateRequest('principal', undefined);
    app.decorate('authenticate', requireAuth(deps));
    app.decorate('requireRole', requireRole);
  },
  { name: 'auth' },
);
