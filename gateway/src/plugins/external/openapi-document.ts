/**
 * The finishing steps of the OpenAPI document, on the object @fastify/swagger builds from the routes' schemas, so
 * that strict validators, openapi-core and generators read it as the server behaves:
 * - a parameter or body property with a default is optional (the server fills it in);
 * - the answers every route may give besides its own are listed (500, 414 where the path has parameters, and
 *   413/415 where there is a body);
 * - schemas named with a `title` in the contracts become components, referenced by name (generated types keep
 *   the names).
 */
import { isDeepStrictEqual } from 'node:util';
import { ErrorBody } from '@octroi/contracts';

type Json = Record<string, unknown>;
interface Operation {
  parameters?: Array<{ in: string; required?: boolean; schema?: Json }>;
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses?: Record<string, unknown>;
}
interface Document {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const errorReply = (description: string, schema: unknown) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The error shape of an operation: the one its own error answers use (the V2 routes have theirs), else ErrorBody. */
function errorSchemaOf(operation: Operation): unknown {
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const schema = (response as { content?: Record<string, { schema?: unknown }> }).content?.['application/json']
      ?.schema;
    if (Number(status) >= 400 && schema) return schema;
  }
  return { $ref: `#/components/schemas/${ErrorBody.title}` };
}

export function finishDocument<T extends object>(document: T): T {
  const doc = document as Document;
  nameSchemas(doc);
  for (const [, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) finishOperation(operation);
    }
  }
  return document;
}

function finishOperation(operation: Operation) {
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in !== 'path' && parameter.schema && 'default' in parameter.schema) parameter.required = false;
  }
  for (const media of Object.values(operation.requestBody?.content ?? {})) {
    if (media.schema) withOptionalDefaults(media.schema);
  }
  const schema = errorSchemaOf(operation);
  const responses = (operation.responses ??= {});
  responses['500'] ??= errorReply('Something failed on our side; the request id helps find it in the logs', schema);
  if (operation.parameters?.some((parameter) => parameter.in === 'path'))
    responses['414'] ??= errorReply('A part of the path is longer than the gateway accepts', schema);
  if (operation.requestBody) {
    responses['413'] ??= errorReply('The body is larger than the gateway accepts', schema);
    responses['415'] ??= errorReply('The body is not in a content type this operation reads', schema);
  }
}

/** Object schemas of a request body: a property with a default is not required. */
function withOptionalDefaults(schema: unknown) {
  if (Array.isArray(schema)) {
    schema.forEach(withOptionalDefaults);
    return;
  }
  if (!isObject(schema)) return;
  const properties = schema.properties;
  if (isObject(properties) && Array.isArray(schema.required)) {
    schema.required = schema.required.filter((name: string) => {
      const property = properties[name];
      return !(isObject(property) && 'default' in property);
    });
    if ((schema.required as unknown[]).length === 0) delete schema.required;
  }
  Object.values(schema).forEach(withOptionalDefaults);
}

/** Schemas with a title go to `components.schemas` under it; each place that held one refers to it. */
function nameSchemas(doc: Document) {
  const named = (doc.components ??= {}).schemas ?? {};
  const conflicting = new Set<string>();
  const collect = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(collect);
      return;
    }
    if (!isObject(value)) return;
    Object.values(value).forEach(collect);
    const title = value.title;
    if (typeof title !== 'string' || conflicting.has(title)) return;
    if (named[title] && !isDeepStrictEqual(named[title], value)) conflicting.add(title);
    else named[title] = value;
  };
  collect(doc.paths);
  for (const title of conflicting) Reflect.deleteProperty(named, title);
  const replace = (value: unknown, inComponent?: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => replace(item, inComponent));
    if (!isObject(value)) return value;
    const title = value.title;
    if (typeof title === 'string' && named[title] && title !== inComponent)
      return { $ref: `#/components/schemas/${title}` };
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replace(item, inComponent)]));
  };
  doc.paths = replace(doc.paths) as Document['paths'];
  doc.components.schemas = Object.fromEntries(
    Object.entries(named)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([title, schema]) => [title, replace(schema, title) as Json]),
  );
}
