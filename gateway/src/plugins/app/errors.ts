import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { httpStatusOf, type ErrorBody, type FieldProblem } from '@octroi/contracts';
import { OctroiError } from '@octroi/runtime';

type SchemaError = NonNullable<FastifyError['validation']>[number];

/**
 * Seconds a client should wait before trying a request that failed `unavailable` again: long enough for a NATS
 * stream to elect a new leader or a restarted service to subscribe again, short enough not to lose the client.
 */
export const RETRY_AFTER_SECONDS = 2;

/** `/body/AMT_CREDIT` or `body.AMT_CREDIT` → `AMT_CREDIT`; `querystring/page` → `page`. */
function fieldOf(error: SchemaError): string | undefined {
  const path = (error.instancePath || '').replace(/^\//, '').replaceAll('/', '.');
  const missing = (error.params as { missingProperty?: string } | undefined)?.missingProperty;
  const additional = (error.params as { additionalProperty?: string } | undefined)?.additionalProperty;
  return [path, missing ?? additional].filter(Boolean).join('.') || undefined;
}

const RULE_OF_KEYWORD: Record<string, string> = {
  required: 'required',
  additionalProperties: 'unknown_field',
  minimum: 'min',
  exclusiveMinimum: 'min',
  maximum: 'max',
  enum: 'category',
};

/** A schema error in the shape of an intake problem, so that every 400 lists its problems the same way. */
function problemOf(error: SchemaError, where: string): FieldProblem {
  const field = fieldOf(error) ?? '';
  return {
    field,
    rule: RULE_OF_KEYWORD[error.keyword] ?? 'type',
    message: `${field || where}: ${error.message ?? 'is invalid'}`,
  };
}

/**
 * One error handler for the whole gateway: bad input is a 400 naming the field, service errors keep their code
 * and status, anything unexpected is a 500 whose details stay in the logs. Never a stack trace to the client.
 */
export default fp<{ spaIndex: boolean }>(
  async (app, options) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      let body: ErrorBody;
      let status: number;
      if (error.validation) {
        const errors = error.validation.map((e) => problemOf(e, error.validationContext ?? 'request'));
        const [first] = errors;
        status = 400;
        body = {
          code: 'bad_request',
          message: first?.message ?? 'The request is invalid',
          ...(first?.field ? { field: first.field } : {}),
          errors,
        };
      } else if (error instanceof OctroiError) {
        status = httpStatusOf[error.code];
        body = error.toBody();
      } else if (error.statusCode === 429) {
        status = 429;
        body = { code: 'rate_limited', message: 'Too many requests: slow down and retry in a minute' };
      } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        status = error.statusCode;
        body = {
          code: status === 413 ? 'bad_request' : status === 404 ? 'not_found' : 'bad_request',
          message: error.message,
        };
      } else {
        request.log.error({ err: error }, 'unexpected error');
        status = 500;
        body = { code: 'internal', message: 'Something went wrong on our side; the request id helps us find it' };
      }
      if (status >= 500) request.log.warn({ code: body.code, status }, body.message);
      if (status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      void reply.status(status).send({ ...body, requestId: request.id });
    });

    // The dashboard routes in the browser: when it is served, a GET outside the API that is not a file gets its index page.
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const isFile = /\.[a-z0-9]+$/i.test(path);
      if (options.spaIndex && request.method === 'GET' && !isFile && !/^\/(api|v2|docs|get_|legacy)/.test(path)) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply
        .status(404)
        .send({ code: 'not_found', message: `No route ${request.method} ${path}`, requestId: request.id });
    });
  },
  { name: 'errors' },
);
