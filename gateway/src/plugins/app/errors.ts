import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { httpStatusOf, type ErrorBody, type FieldProblem } from '@octroi/contracts';
import { OctroiError } from '@octroi/runtime';
import { isApiPath } from './known-paths.ts';
import { REQUEST_ID_HEADER } from './request-ids.ts';

type SchemaError = NonNullable<FastifyError['validation']>[number];

/**
 * Seconds a client should wait before trying a request that failed `unavailable` again: long enough for a NATS
 * stream to elect a new leader or a restarted service to subscribe again, short enough not to lose the client.
 */
export const RETRY_AFTER_SECONDS = 2;

const PATH_PART_TOO_LONG = 'A part of the path is longer than the gateway accepts';

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
  const rule = RULE_OF_KEYWORD[error.keyword] ?? 'type';
  const said = rule === 'unknown_field' ? 'is not a known field' : (error.message ?? 'is invalid');
  return { field, rule, message: `${field || where}: ${said}` };
}

/** What Fastify's own 4xx errors say, in words a caller can act on. */
function clientErrorBody(error: FastifyError, request: FastifyRequest): ErrorBody {
  const status = error.statusCode ?? 400;
  if (status === 404) return { code: 'not_found', message: error.message };
  if (status === 413) return { code: 'bad_request', message: 'The body is larger than the gateway accepts' };
  if (status === 415)
    return {
      code: 'bad_request',
      message: `Content-Type ${(request.headers['content-type'] ?? '(none)').slice(0, 100)} is not read here: send application/json`,
    };
  return { code: 'bad_request', message: error.message };
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
        body = clientErrorBody(error, request);
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
    // A known path asked with a method it does not take is a 405 naming those it takes.
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const isFile = /\.[a-z0-9]+$/i.test(path);
      const allowed = app.methodsAllowed(path);
      // The path has a route for this very method, yet the router did not take it: a path parameter is over the
      // router's length (Fastify answers that 414 itself unless the dashboard's catch-all route is there to try).
      if (allowed.includes(request.method)) {
        return reply
          .status(414)
          .send({ code: 'bad_request', message: PATH_PART_TOO_LONG, requestId: request.id } satisfies ErrorBody);
      }
      if (allowed.length > 0) {
        return reply
          .status(405)
          .header('allow', allowed.join(', '))
          .send({
            code: 'method_not_allowed',
            message: `${request.method} is not a method of ${path}: use ${allowed.join(', ')}`,
            requestId: request.id,
          } satisfies ErrorBody);
      }
      if (options.spaIndex && request.method === 'GET' && !isFile && !isApiPath(path)) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply
        .status(404)
        .send({ code: 'not_found', message: `No route ${request.method} ${path}`, requestId: request.id });
    });
  },
  { name: 'errors', dependencies: ['known-paths'] },
);

/**
 * The errors Fastify answers before a request reaches any route or hook (Fastify's `frameworkErrors`: a URL that
 * does not decode, a path parameter over its length), in the same envelope and with the same headers as the others.
 */
export function frameworkErrors(headers: Record<string, string>) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = error.statusCode ?? 400;
    const message =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? PATH_PART_TOO_LONG
        : error.code === 'FST_ERR_BAD_URL'
          ? 'The URL is not valid: a percent-encoded part does not decode'
          : error.message;
    void reply
      .headers(headers)
      .header(REQUEST_ID_HEADER, request.id)
      .status(status >= 400 && status < 500 ? status : 400)
      .send({ code: 'bad_request', message, requestId: request.id } satisfies ErrorBody);
  };
}

/**
 * Errors of the connection itself, before Fastify has a request (a request line or headers over Node's size limit,
 * a malformed request): the envelope and the headers written on the socket, then the connection closed.
 */
export function clientErrors(headers: Record<string, string>) {
  return (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request line and headers are larger than the gateway accepts']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'The request took too long to arrive']
          : [400, 'The request is not valid HTTP'];
    const requestId = randomUUID();
    const body = JSON.stringify({ code: 'bad_request', message, requestId } satisfies ErrorBody);
    const lines = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      `${REQUEST_ID_HEADER}: ${requestId}`,
      'content-type: application/json; charset=utf-8',
      `content-length: ${Buffer.byteLength(body)}`,
      'connection: close',
    ];
    if (socket.writable) socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
    socket.destroy(error);
  };
}
