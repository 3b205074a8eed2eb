import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { SessionUser, SignInRequest } from '@octroi/contracts';
import { OctroiError } from '@octroi/runtime';
import { clearSessionCookie, identify, setSessionCookie, type AuthDeps } from '../../plugins/app/auth.ts';
import { errorReplies } from '../schemas.ts';

const tags = ['session'];

/** Sign-in for the dashboard: a signed, httpOnly, SameSite=Strict cookie. */
const sessionRoutes: FastifyPluginAsyncTypebox<AuthDeps & { secureCookies: boolean }> = async (app, deps) => {
  app.post(
    '/api/v1/session',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        operationId: 'signIn',
        tags,
        summary: 'Sign in',
        body: SignInRequest,
        response: { 200: SessionUser, ...errorReplies(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const user = await deps.users.authenticate(request.body.username, request.body.password);
      if (!user) throw new OctroiError('unauthorized', 'Unknown user name or wrong password');
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
        response: { 200: SessionUser, ...errorReplies(401) },
      },
    },
    async (request) => {
      const principal = identify(request, deps);
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
        response: { 204: Type.Null({ description: 'Signed out: the session cookie is cleared' }) },
      },
    },
    async (_request, reply) => {
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
};

export default sessionRoutes;
