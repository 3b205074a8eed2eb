import type { ApplicantRecords } from '@octroi/model-bundle';

/** A raw numeric field laid out in the list's order (NaN when missing or the column is absent). */
export class NumberColumn {
  private constructor(readonly values: Float64Array) {}

  static of(
    applicants: ApplicantRecords,
    name: string,
    rows: Int32Array,
    convert: (value: number) => number = (v) => v,
  ): NumberColumn {
    const column = applicants.column(name);
    const source = column?.kind === 'number' ? column.values : undefined;
    return new NumberColumn(Float64Array.from(rows, (row) => (source && row >= 0 ? convert(source[row]!) : NaN)));
  }

  valueAt(at: number): number | null {
    const value = this.values[at]!;
    return Number.isNaN(value) ? null : value;
  }
}

/** A raw text field laid out in the list's order as codes into its categories (-1 when missing). */
export class CategoryColumn {
  private constructor(
    readonly codes: Int32Array,
    private readonly categories: string[],
  ) {}

  static of(applicants: ApplicantRecords, name: string, rows: Int32Array): CategoryColumn {
    const column = applicants.column(name);
    if (column?.kind !== 'string') return new CategoryColumn(new Int32Array(rows.length).fill(-1), []);
    return new CategoryColumn(
      Int32Array.from(rows, (row) => (row >= 0 ? column.codes[row]! : -1)),
      column.categories,
    );
  }

  /** -1 for a value no client has. */
  codeOf(value: string): number {
    return this.categories.indexOf(value);
  }

  valueAt(at: number): string | null {
    return this.categories[this.codes[at]!] ?? null;
  }
}
