import type { HistoryTableInfo } from '../core/api-types';
import {
  EMPTY_HISTORY,
  type HistoryDraft,
  historyInputOf,
  historyTables,
  readHistoryFile,
  typedRowOf,
} from './history-rows';

const TABLES: HistoryTableInfo[] = [
  {
    name: 'bureau',
    description: '',
    required: ['CREDIT_ACTIVE', 'CREDIT_TYPE', 'DAYS_CREDIT'],
    columns: [
      { name: 'SK_ID_CURR', type: 'number' },
      { name: 'CREDIT_ACTIVE', type: 'string', categories: ['Active', 'Closed'] },
      { name: 'CREDIT_TYPE', type: 'string' },
      { name: 'DAYS_CREDIT', type: 'number' },
    ],
  },
  {
    name: 'bureau_balance',
    description: '',
    required: ['SK_ID_BUREAU', 'MONTHS_BALANCE', 'STATUS'],
    columns: [
      { name: 'SK_ID_BUREAU', type: 'number' },
      { name: 'MONTHS_BALANCE', type: 'number' },
      { name: 'STATUS', type: 'string' },
    ],
  },
];

describe('history rows', () => {
  it('turns a typed credit into the columns of bureau.csv, years back into negative days', () => {
    expect(
      typedRowOf('bureau', {
        CREDIT_TYPE: 'Car loan',
        CREDIT_ACTIVE: 'Active',
        AMT_CREDIT_SUM: '12 000',
        YEARS_CREDIT: '2',
        CREDIT_DAY_OVERDUE: '',
      }),
    ).toEqual({ CREDIT_TYPE: 'Car loan', CREDIT_ACTIVE: 'Active', AMT_CREDIT_SUM: 12000, DAYS_CREDIT: -731 });
    expect(typedRowOf('previous_application', { AMT_CREDIT: 'beaucoup' })).toEqual({ AMT_CREDIT: 'beaucoup' });
  });

  it('reads an applicant’s CSV rows as the table its header names, cells typed by its columns', () => {
    const file = readHistoryFile('balance.csv', '\uFEFFSK_ID_BUREAU,MONTHS_BALANCE,STATUS\n5,-1,0\n5,,X\n', TABLES);
    expect(file).toEqual({
      file: 'balance.csv',
      table: 'bureau_balance',
      rows: [
        { SK_ID_BUREAU: 5, MONTHS_BALANCE: -1, STATUS: '0' },
        { SK_ID_BUREAU: 5, MONTHS_BALANCE: null, STATUS: 'X' },
      ],
    });
    expect(readHistoryFile('notes.csv', 'name,comment\nx,y\n', TABLES)).toBeUndefined();
    expect(readHistoryFile('bureau.csv', 'CREDIT_ACTIVE,CREDIT_TYPE\nActive,Car loan\n', TABLES)).toBeUndefined();
  });

  it('puts typed rows first, then the imported ones, and finds the input a problem points at', () => {
    const draft: HistoryDraft = {
      typed: { bureau: [{}, { CREDIT_ACTIVE: 'Closed' }], previous_application: [] },
      uploaded: [{ file: 'b.csv', table: 'bureau', rows: [{ CREDIT_ACTIVE: 'Active' }] }],
    };
    expect(historyTables(draft)).toEqual({ bureau: [{ CREDIT_ACTIVE: 'Closed' }, { CREDIT_ACTIVE: 'Active' }] });
    expect(historyInputOf('bureau.0.CREDIT_ACTIVE', draft)).toBe('hist-bureau-1-CREDIT_ACTIVE');
    expect(historyInputOf('application.bureau.0.DAYS_CREDIT', draft)).toBe('hist-bureau-1-YEARS_CREDIT');
    expect(historyInputOf('bureau.1.CREDIT_ACTIVE', draft)).toBeUndefined();
    expect(historyTables(EMPTY_HISTORY)).toEqual({});
  });
});
