import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import fp from 'fastify-plugin';

const common: Options = { useDefaults: true, removeAdditional: false, allErrors: false, strict: false };

/**
 * How an integer or a number must be written in a path or a query string. Ajv's coercion takes whatever
 * JavaScript's `Number()` reads (`0x186A2`, `1e3`, `100002.0`, ` 100002`): an id that can be written many ways
 * is read many ways, by caches and logs too, so an id is plain decimal digits and nothing else.
 */
const WRITTEN = {
  integer: { pattern: /^-?[0-9]{1,16}$/, says: 'must be written in plain decimal digits' },
  number: { pattern: /^-?[0-9]{1,16}(\.[0-9]{1,16})?$/, says: 'must be a plain decimal number' },
} as const;

type Written = keyof typeof WRITTEN;
type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The top-level properties of a parameters schema that are integers or numbers (ignoring `null`). */
function numericProperties(schema: unknown): Array<[string, Written]> {
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  return Object.entries(properties).flatMap(([name, property]) => {
    const type = (property as { type?: unknown }).type;
    return type === 'integer' || type === 'number' ? [[name, type] as [string, Written]] : [];
  });
}

/** A path or query validator that first checks how each number is written, then coerces and validates it. */
function writtenNumbersFirst(validate: Validator, numeric: Array<[string, Written]>): Validator {
  if (numeric.length === 0) return validate;
  const checked: Validator = (data) => {
    const values = (data ?? {}) as Record<string, unknown>;
    for (const [name, type] of numeric) {
      const written = ([] as unknown[]).concat(values[name]);
      if (written.some((value) => typeof value === 'string' && !WRITTEN[type].pattern.test(value))) {
        checked.errors = [
          {
            instancePath: `/${name}`,
            schemaPath: '#/pattern',
            keyword: 'pattern',
            params: {},
            message: WRITTEN[type].says,
          },
        ];
        return false;
      }
    }
    const valid = validate(data);
    checked.errors = validate.errors;
    return valid;
  };
  return checked;
}

/**
 * A query string or a path takes the parameters its schema names and no other: an unknown one is a 400, not
 * something passed on to a service. (OpenAPI cannot say this of parameters, so it is said here.)
 */
function withoutUnknownKeys(schema: object): object {
  const { type, additionalProperties } = schema as { type?: unknown; additionalProperties?: unknown };
  return type === 'object' && additionalProperties === undefined ? { ...schema, additionalProperties: false } : schema;
}

/**
 * Query strings and path parameters arrive as text and are coerced to the schema's types, once they are written
 * as plain decimal numbers; JSON bodies are not coerced: coercion would turn a `null` (a missing feature value)
 * into 0, or "12" into 12, and change what a client sent.
 */
export default fp(
  async (app) => {
    const coercing = addFormats.default(new Ajv({ ...common, coerceTypes: 'array' }));
    const exact = addFormats.default(new Ajv({ ...common, coerceTypes: false }));
    app.setValidatorCompiler(({ schema, httpPart }) => {
      if (httpPart === 'body') return exact.compile(schema);
      if (httpPart !== 'params' && httpPart !== 'querystring') return coercing.compile(schema);
      return writtenNumbersFirst(coercing.compile(withoutUnknownKeys(schema)), numericProperties(schema));
    });
  },
  { name: 'validation' },
);
