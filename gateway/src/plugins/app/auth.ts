import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { SessionUser } from '@octroi/contracts';
import { OctroiError } from '@octroi/runtime';
import type { ApiKeys } from '../../auth/api-keys.ts';
import type { RevokedSessions } from '../../auth/revoked-sessions.ts';
import type { Session, SessionTokens } from '../../auth/session-token.ts';
import type { UserStore } from '../../auth/users.ts';

type Role = SessionUser['role'];

export const SESSION_COOKIE = 'octroi_session';
export const API_KEY_HEADER = 'x-api-key';

export interface Principal {
  kind: 'user' | 'api-key';
  /** Username or API key name: what rate limits and logs count by. */
  id: string;
  user?: SessionUser;
  /** The dashboard session the user came with (signing out revokes it). */
  session?: Session;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyInstance {
    /**
     * A hook for everything that shows client data: no principal, or a signed-out session, is a 401. It runs
     * after the rate limit, so that failed authentications count against the caller's address.
     */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /**
     * A preParsing hook, after `authenticate` (which the secured routes run first): a principal without one of the
     * roles gets 403.
     */
    requireRole: (...roles: Role[]) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** The signed-in user of a request (a session not signed out), if any. */
    signedIn: (request: FastifyRequest) => Promise<Principal | undefined>;
  }
}

export interface AuthDeps {
  apiKeys: ApiKeys;
  users: UserStore;
  tokens: SessionTokens;
  revoked: RevokedSessions;
}

/**
 * Who the request says it is: an API key (machine clients) or a signed session cookie (the dashboard); undefined
 * for nobody. Signatures and the user's credentials are checked here; whether the session was signed out is asked
 * of the durable store only by the routes that need a principal (`authenticate`), not for every file of the dashboard.
 */
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
  return user ? { kind: 'user', id: user.username, user, session } : undefined;
}

/** The principal of a request, unless it came with a session that was signed out. */
async function standing(request: FastifyRequest, revoked: RevokedSessions): Promise<Principal | undefined> {
  const { principal } = request;
  if (principal?.session && (await revoked.isRevoked(principal.session.sessionId))) return undefined;
  return principal;
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
 * Who is calling, for every request: `request.principal`, set when the request arrives, so that the rate limit
 * counts by principal (or address). `app.authenticate` then refuses what has none; a folder of routes that shows
 * client data adds it to its whole scope (`routes/secured/autohooks.ts`).
 */
export default fp<AuthDeps>(
  async (app, deps) => {
    app.decorateRequest('principal', undefined);
    app.addHook('onRequest', async (request) => {
      request.principal = identify(request, deps);
    });
    app.decorate('signedIn', (request: FastifyRequest) => standing(request, deps.revoked));
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const principal = await standing(request, deps.revoked);
      if (!principal) throw new OctroiError('unauthorized', 'Sign in, or send a valid API key in the X-API-Key header');
      request.log = request.log.child({ principal: principal.id });
    });
    app.decorate('requireRole', requireRole);
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
);
