import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { SessionUser, SignInRequest } from '@octroi/contracts';
import { OctroiError } from '@octroi/runtime';
import type { SignInThrottle } from '../../auth/sign-in-throttle.ts';
import { clearSessionCookie, setSessionCookie, type AuthDeps } from '../../plugins/app/auth.ts';
import { errorReplies } from '../schemas.ts';

const tags = ['session'];

export interface SessionRouteOptions extends AuthDeps {
  throttle: SignInThrottle;
  secureCookies: boolean;
}

/**
 * Sign-in for the dashboard: a signed, httpOnly, SameSite=Strict cookie. Limited twice: 20 attempts a minute per
 * address, and per account a growing lock after repeated wrong passwords (`SignInThrottle`). Signing out revokes
 * the session on every gateway replica.
 */
const sessionRoutes: FastifyPluginAsyncTypebox<SessionRouteOptions> = async (app, deps) => {
  app.post(
    '/api/v1/session',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute', keyGenerator: (request) => `address:${request.ip}` } },
      schema: {
        operationId: 'signIn',
        tags,
        summary: 'Sign in',
        description:
          'After five wrong passwords in a row an account is locked, one second after the sixth, then twice as long ' +
          'after each further one (up to 15 minutes): 429 with Retry-After, whatever the password.',
        body: SignInRequest,
        response: { 200: SessionUser, ...errorReplies(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const lockedMs = await deps.throttle.lockedFor(username);
      if (lockedMs > 0) {
        const seconds = Math.ceil(lockedMs / 1000);
        void reply.header('retry-after', String(seconds));
        throw new OctroiError('rate_limited', `Too many wrong passwords for this account: try again in ${seconds} s`);
      }
      const user = await deps.users.authenticate(username, password);
      if (!user) {
        await deps.throttle.failed(username);
        throw new OctroiError('unauthorized', 'Unknown user name or wrong password');
      }
      await deps.throttle.succeeded(username);
      setSessionCookie(
        reply,
        deps.tokens.issue(user.username, deps.users.credentialStamp(user.username)!),
        deps.tokens.maxAgeSeconds,
        deps.secureCookies,
      );
      request.log.info({ user: user.username }, 'signed in');
      return user;
    },
  );

  app.get(
    '/api/v1/session',
    {
      schema: {
        operationId: 'getSession',
        tags,
        summary: 'The signed-in user',
        response: { 200: SessionUser, ...errorReplies(401, 503) },
      },
    },
    async (request) => {
      const principal = await app.signedIn(request);
      if (!principal?.user) throw new OctroiError('unauthorized', 'Not signed in');
      return principal.user;
    },
  );

  app.delete(
    '/api/v1/session',
    {
      schema: {
        operationId: 'signOut',
        tags,
        summary: 'Sign out',
        description: 'Ends the session on every gateway replica: the cookie, even copied, no longer opens anything.',
        response: {
          204: Type.Null({ description: 'Signed out: the session is revoked and its cookie cleared' }),
          ...errorReplies(503),
        },
      },
    },
    async (request, reply) => {
      const session = request.principal?.session;
      if (session) {
        await deps.revoked.revoke(session.sessionId);
        request.log.info({ user: session.username }, 'signed out');
      }
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
};

export default sessionRoutes;
