import { formFieldOf, parseNumber, toRawApplication } from './application-fields';

describe('application fields', () => {
  it('reads numbers with a decimal comma or spaces', () => {
    expect(parseNumber('0,52')).toBe(0.52);
    expect(parseNumber('202 500')).toBe(202500);
    expect(parseNumber('abc')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });

  it('builds the raw application, years turned into negative day counts', () => {
    expect(
      toRawApplication({
        AMT_CREDIT: '400000',
        AGE_YEARS: '30',
        YEARS_EMPLOYED: '2',
        CODE_GENDER: 'F',
        EXT_SOURCE_3: '',
      }),
    ).toEqual({
      AMT_CREDIT: 400000,
      DAYS_BIRTH: -10958,
      DAYS_EMPLOYED: -731,
      CODE_GENDER: 'F',
    });
  });

  it('finds the form field an API error points at', () => {
    expect(formFieldOf('AMT_CREDIT')).toBe('AMT_CREDIT');
    expect(formFieldOf('/application/DAYS_BIRTH')).toBe('AGE_YEARS');
    expect(formFieldOf('applications.3.AMT_INCOME_TOTAL')).toBe('AMT_INCOME_TOTAL');
    expect(formFieldOf('FLAG_OWN_CAR')).toBeUndefined();
    expect(formFieldOf('bureau.2.AMT_ANNUITY')).toBeUndefined();
  });
});
