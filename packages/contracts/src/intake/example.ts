/**
 * A complete, valid new application: the example of the API documentation, and the starting point of tests
 * that change one field at a time.
 */
export const EXAMPLE_APPLICATION = {
  NAME_CONTRACT_TYPE: 'Cash loans',
  AMT_CREDIT: 568800,
  AMT_ANNUITY: 20560.5,
  AMT_GOODS_PRICE: 450000,
  AMT_INCOME_TOTAL: 135000,
  NAME_INCOME_TYPE: 'Working',
  NAME_EDUCATION_TYPE: 'Higher education',
  NAME_HOUSING_TYPE: 'House / apartment',
  NAME_FAMILY_STATUS: 'Married',
  CODE_GENDER: 'F',
  DAYS_BIRTH: -12005,
  DAYS_EMPLOYED: -4542,
  CNT_CHILDREN: 1,
  CNT_FAM_MEMBERS: 3,
  EXT_SOURCE_2: 0.789654,
  EXT_SOURCE_3: 0.1595,
} as const satisfies Record<string, string | number>;
