import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { OctroiError, capped, validateNewApplication } from '@octroi/contracts';

/** Where the new applications of a request body are, each with the prefix its problems are named under. */
export type ApplicationsIn = (body: unknown) => Array<{ application: unknown; prefix: string }>;

declare module 'fastify' {
  interface FastifyInstance {
    /** A route's preHandler hook checking the new applications of its body against the intake rules. */
    intakeCheck: (locate: ApplicationsIn) => preHandlerAsyncHookHandler;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body is one application, or several under `applications`. */
export const oneOrMany: ApplicationsIn = (body) => {
  if (!isObject(body)) return [];
  if (!('applications' in body)) return [{ application: body, prefix: '' }];
  const { applications } = body;
  return Array.isArray(applications)
    ? applications.map((application: unknown, index) => ({ application, prefix: `applications.${index}` }))
    : [];
};

/** The application is the body's `key` (`application`). */
export const inKey =
  (key: string): ApplicationsIn =>
  (body) =>
    isObject(body) && key in body ? [{ application: body[key], prefix: key }] : [];

/**
 * Intake at the edge: new applications are checked with the intake rules of the contracts and the fields the
 * current model reads, and a request with any problem is answered 400 listing all of them before it reaches a
 * service. The hook runs once the schema has checked the shape (no unknown key, no batch over the limit), so a
 * request refused for its shape costs nothing more. The services check again with the same rules: a caller on the
 * bus has no gateway in front of it.
 */
export default fp(
  async (app) => {
    app.decorate('intakeCheck', (locate: ApplicationsIn) => async (request: FastifyRequest) => {
      const applications = locate(request.body);
      if (applications.length === 0) return;
      const { applicationFields } = await app.currentModel(request);
      const problems = applications.flatMap(({ application, prefix }) =>
        validateNewApplication(applicationFields, application, prefix),
      );
      if (problems.length > 0) throw OctroiError.invalid(capped(problems));
    });
  },
  { name: 'intake', dependencies: ['current-model'] },
);
