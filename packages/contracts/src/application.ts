import { Type, type Static } from '@sinclair/typebox';
import { RawValue } from './common.ts';

/**
 * A loan application as a user sends it: Home Credit application columns by name.
 * The scoring service checks each field against the model bundle's feature specification
 * (known name, type, allowed categories) and answers 400 naming the field otherwise.
 */
export const FIELD_NAME_PATTERN = '^[A-Z0-9_]{1,60}$';
export const RawApplication = Type.Record(Type.String({ pattern: FIELD_NAME_PATTERN }), RawValue, {
  // Said again as `propertyNames`: OpenAPI tools read the key pattern there.
  propertyNames: { pattern: FIELD_NAME_PATTERN },
  description:
    'Home Credit application fields (e.g. AMT_INCOME_TOTAL, AMT_CREDIT, DAYS_BIRTH), missing fields are missing values',
  maxProperties: 200,
});
export type RawApplication = Static<typeof RawApplication>;
