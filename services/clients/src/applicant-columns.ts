import type { SeedCorrelation } from '@octroi/contracts';
import { DomainError, shortestFloat32, type ApplicantRecords, type RawValue } from '@octroi/model-bundle';

/**
 * Whole columns of the applicants' files, in ascending client id (the order of the client id list): a raw field,
 * or TARGET (1 defaulted, 0 repaid, null unknown). Each column is decoded once, the first time it is asked for.
 */
export class ApplicantColumns {
  /** Applicant rows in ascending client id. */
  private readonly rows: Int32Array;
  private readonly decoded = new Map<string, RawValue[]>();

  constructor(
    private readonly applicants: ApplicantRecords,
    private readonly target: string,
  ) {
    this.rows = Int32Array.from(applicants.ids.keys()).sort((a, b) => applicants.ids[a]! - applicants.ids[b]!);
  }

  get size(): number {
    return this.rows.length;
  }

  /** `limit` values of a column from `offset`. @throws DomainError not_found for an unknown column. */
  page(name: string, offset: number, limit: number): { values: RawValue[]; next: number | null } {
    const values = this.column(name).slice(offset, offset + limit);
    return { values, next: offset + limit < this.size ? offset + limit : null };
  }

  /**
   * Pearson correlation of each pair of columns, each pair over the clients that have both values (as pandas'
   * `DataFrame.corr()` does); null when fewer than two clients have both or a column does not vary among them.
   */
  correlation(names: readonly string[]): SeedCorrelation['correlation'] {
    const columns = names.map((name) => Float64Array.from(this.column(name), (value) => numberOrNaN(value, name)));
    return Object.fromEntries(
      names.map((a, i) => [a, Object.fromEntries(names.map((b, j) => [b, pearson(columns[i]!, columns[j]!)]))]),
    );
  }

  private column(name: string): RawValue[] {
    let values = this.decoded.get(name);
    if (values) return values;
    if (name === this.target) {
      values = Array.from(this.rows, (row) => finiteOrNull(this.applicants.target(row)));
    } else {
      const column = this.applicants.column(name);
      if (!column) throw DomainError.notFound(`No column ${name} in the applicants' files`, 'name');
      values =
        column.kind === 'number'
          ? Array.from(this.rows, (row) => finiteOrNull(column.values[row]!))
          : Array.from(this.rows, (row) => column.categories[column.codes[row]!] ?? null);
    }
    this.decoded.set(name, values);
    return values;
  }
}

/** Float32 columns come back as their shortest decimal, as the rest of the API writes them. */
const finiteOrNull = (value: number) => (Number.isFinite(value) ? shortestFloat32(value) : null);

function numberOrNaN(value: RawValue, name: string): number {
  if (typeof value === 'string') throw DomainError.badRequest(`${name} is not a number: it has no correlation`, 'name');
  return value ?? Number.NaN;
}

export function pearson(x: Float64Array, y: Float64Array): number | null {
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]!) || Number.isNaN(y[i]!)) continue;
    n++;
    sumX += x[i]!;
    sumY += y[i]!;
  }
  if (n < 2) return null;
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]!) || Number.isNaN(y[i]!)) continue;
    const dx = x[i]! - meanX;
    const dy = y[i]! - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return sxx === 0 || syy === 0 ? null : Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
