import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import fp from 'fastify-plugin';

const common: Options = { useDefaults: true, removeAdditional: false, allErrors: false, strict: false };

/**
 * Query strings and path parameters arrive as text and are coerced to the schema's types; JSON bodies are not:
 * coercion would turn a `null` (a missing feature value) into 0, or "12" into 12, and change what a client sent.
 */
export default fp(
  async (app) => {
    const coercing = addFormats.default(new Ajv({ ...common, coerceTypes: 'array' }));
    const exact = addFormats.default(new Ajv({ ...common, coerceTypes: false }));
    app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? exact : coercing).compile(schema));
  },
  { name: 'validation' },
);
