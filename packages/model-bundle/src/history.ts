/**
 * History features from an applicant's rows of the Home Credit secondary tables, by evaluating the `history`
 * section of `feature_spec.json`. This is the TypeScript twin of training/octroi_training/history_spec.py, whose
 * docstring (and models/README.md) writes the arithmetic contract; `test_vectors.json` pins both to the same bits.
 *
 * One accumulator serves a request (one applicant, the tables it carries) and a batch file (every applicant of the
 * file, the tables streamed beside it): rows go in one by one, in their order, and each aggregate keeps a running
 * count, a plain float64 sum, a minimum or a maximum.
 */
import { combined, readNumber } from './derive.ts';
import type { HistoryAggregate, HistoryRowOp, HistorySpec, HistoryTable } from './spec.ts';

export type HistoryRow = Readonly<Record<string, unknown>>;

type RowProgram = (row: HistoryRow, values: Float64Array, latest: (op: number) => number) => void;

const COMPARE: Record<NonNullable<HistoryRowOp['test']>, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '==': (a, b) => a === b,
};

/** A raw identifier as an exact number (no float32 rounding); undefined when it is not one. */
export function identifierOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Compiles a table's row ops into one function filling a slot per row value, in declaration order. */
function rowProgram(ops: readonly HistoryRowOp[]): RowProgram {
  const slot = new Map(ops.map((op, i) => [op.name, i]));
  const at = (name: string) => {
    const index = slot.get(name);
    if (index === undefined) throw new Error(`feature_spec.json history: no row value ${name}`);
    return index;
  };
  const steps = ops.map((op, i): ((row: HistoryRow, v: Float64Array, latest: (op: number) => number) => number) => {
    const [first = ''] = op.inputs;
    switch (op.op) {
      case 'number':
        return (row) => readNumber(row[first], op.missingValues);
      case 'equals': {
        const accepted = new Set(op.values ?? []);
        return (row) => {
          const text = row[first];
          return typeof text === 'string' && accepted.has(text) ? 1 : 0;
        };
      }
      case 'lookup': {
        const map = new Map(Object.entries(op.map ?? {}));
        const otherwise = op.default === null || op.default === undefined ? Number.NaN : op.default;
        return (row) => {
          const text = row[first];
          return typeof text === 'string' ? (map.get(text) ?? otherwise) : otherwise;
        };
      }
      case 'latest':
        return (_row, _v, latest) => latest(i);
      default:
        return derivedStep(op, op.inputs.map(at));
    }
  });
  return (row, values, latest) => {
    for (let i = 0; i < steps.length; i++) values[i] = steps[i]!(row, values, latest);
  };
}

function derivedStep(op: HistoryRowOp, inputs: number[]): (row: HistoryRow, v: Float64Array) => number {
  const [a = 0, b = 0] = inputs;
  switch (op.op) {
    case 'compare': {
      const test = COMPARE[op.test ?? '=='];
      const constant = op.value ?? Number.NaN;
      return inputs.length > 1 ? (_r, v) => (test(v[a]!, v[b]!) ? 1 : 0) : (_r, v) => (test(v[a]!, constant) ? 1 : 0);
    }
    case 'isMissing':
      return (_r, v) => (Number.isNaN(v[a]!) ? 1 : 0);
    case 'and':
      return (_r, v) => (inputs.every((i) => v[i] === 1) ? 1 : 0);
    case 'or':
      return (_r, v) => (inputs.some((i) => v[i] === 1) ? 1 : 0);
    case 'negate':
      return (_r, v) => -v[a]!;
    case 'clip': {
      const { lower, upper } = op;
      return (_r, v) => {
        let x = v[a]!;
        if (lower !== undefined && x < lower) x = lower;
        if (upper !== undefined && x > upper) x = upper;
        return x;
      };
    }
    case 'ratio':
    case 'difference':
    case 'sum':
    case 'product': {
      const arithmetic = { op: op.op };
      return (_r, v) =>
        combined(
          arithmetic,
          inputs.map((i) => v[i]!),
        );
    }
    default:
      throw new Error(`feature_spec.json history: unknown row op ${JSON.stringify(op.op)}`);
  }
}

/** Running state of one aggregate for every applicant. */
class Aggregate {
  /** Rows matching `where`. */
  readonly matched: Float64Array;
  /** Of those, rows whose input is not NaN. */
  readonly present: Float64Array;
  /** Their plain float64 sum, or their minimum or maximum. */
  readonly running: Float64Array;
  readonly input: number;
  readonly where: number;

  constructor(
    readonly declared: HistoryAggregate,
    slot: (name: string) => number,
    applicants: number,
  ) {
    this.matched = new Float64Array(applicants);
    this.present = new Float64Array(applicants);
    this.running = new Float64Array(applicants);
    this.input = declared.input === undefined ? -1 : slot(declared.input);
    this.where = declared.where === undefined ? -1 : slot(declared.where);
  }

  add(applicant: number, values: Float64Array) {
    if (this.where >= 0 && values[this.where] !== 1) return;
    this.matched[applicant]!++;
    if (this.input < 0) return;
    const x = values[this.input]!;
    if (Number.isNaN(x)) return;
    const first = this.present[applicant] === 0;
    this.present[applicant]!++;
    const running = this.running[applicant]!;
    switch (this.declared.op) {
      case 'sum':
      case 'mean':
        this.running[applicant] = running + x;
        break;
      case 'min':
        if (first || x < running) this.running[applicant] = x;
        break;
      case 'max':
        if (first || x > running) this.running[applicant] = x;
        break;
    }
  }

  value(applicant: number): number {
    const present = this.present[applicant]!;
    switch (this.declared.op) {
      case 'count':
        return this.matched[applicant]!;
      case 'sum':
        return this.matched[applicant]! > 0 ? this.running[applicant]! : Number.NaN;
      case 'mean':
        return present > 0 ? this.running[applicant]! / present : Number.NaN;
      case 'min':
      case 'max':
        return present > 0 ? this.running[applicant]! : Number.NaN;
      default:
        throw new Error(`feature_spec.json history: unknown aggregate op ${JSON.stringify(this.declared.op)}`);
    }
  }
}

/**
 * One secondary table's rows going in. A table with a `latest` op is read twice: `prepare` with every row first
 * (to find each loan's latest row), then `add` with the same rows in the same order.
 */
export class TableAccumulator {
  readonly needsPreparation: boolean;
  private readonly program: RowProgram;
  private readonly values: Float64Array;
  private readonly aggregates: Aggregate[];
  private readonly rows: Float64Array;
  private readonly latestOps: Array<{ index: number; order: number; by: string; best: Map<string, LatestRow> }>;
  private prepared = 0;
  private added = 0;

  constructor(
    readonly table: HistoryTable,
    applicants: number,
  ) {
    const slots = new Map(table.rows.map((op, i) => [op.name, i]));
    const slot = (name: string) => {
      const index = slots.get(name);
      if (index === undefined) throw new Error(`feature_spec.json history: ${table.name} has no row value ${name}`);
      return index;
    };
    this.program = rowProgram(table.rows);
    this.values = new Float64Array(table.rows.length);
    this.aggregates = table.aggregates.map((declared) => new Aggregate(declared, slot, applicants));
    this.rows = new Float64Array(applicants);
    this.latestOps = table.rows.flatMap((op, index) =>
      op.op === 'latest' ? [{ index, order: slot(op.inputs[0] ?? ''), by: op.by ?? '', best: new Map() }] : [],
    );
    this.needsPreparation = this.latestOps.length > 0;
  }

  /** First pass: remembers, per applicant and loan, the row with the greatest order value (the later one on ties). */
  prepare(applicant: number, row: HistoryRow) {
    const seq = this.prepared++;
    this.program(row, this.values, () => 0);
    for (const latest of this.latestOps) {
      const by = identifierOf(row[latest.by]);
      const order = this.values[latest.order]!;
      if (by === undefined || Number.isNaN(order)) continue;
      const key = `${applicant}:${by}`;
      const best = latest.best.get(key);
      if (best === undefined || order >= best.order) latest.best.set(key, { order, seq });
    }
  }

  add(applicant: number, row: HistoryRow) {
    const seq = this.added++;
    this.program(row, this.values, (index) => {
      const latest = this.latestOps.find((l) => l.index === index)!;
      const by = identifierOf(row[latest.by]);
      return by !== undefined && latest.best.get(`${applicant}:${by}`)?.seq === seq ? 1 : 0;
    });
    this.rows[applicant]!++;
    for (const aggregate of this.aggregates) aggregate.add(applicant, this.values);
  }

  /** Every aggregate of the table for one applicant: NaN for all when the applicant has no row in it. */
  collect(applicant: number, into: Map<string, number>) {
    const none = this.rows[applicant] === 0;
    for (const aggregate of this.aggregates)
      into.set(aggregate.declared.name, none ? Number.NaN : aggregate.value(applicant) + 0);
  }
}

interface LatestRow {
  order: number;
  seq: number;
}

/** The history section for a number of applicants: one accumulator per table, then the combinations. */
export class HistoryAccumulator {
  readonly tables: Map<string, TableAccumulator>;

  constructor(
    private readonly spec: HistorySpec,
    applicants: number,
  ) {
    this.tables = new Map(spec.tables.map((table) => [table.name, new TableAccumulator(table, applicants)]));
  }

  /** Every aggregate and combination for one applicant (float64, -0 made +0). */
  values(applicant: number): Map<string, number> {
    const values = new Map<string, number>();
    for (const table of this.tables.values()) table.collect(applicant, values);
    for (const combination of this.spec.combinations) {
      const inputs = combination.inputs.map((name) => values.get(name) ?? Number.NaN);
      values.set(combination.name, combined(combination, inputs) + 0);
    }
    return values;
  }
}

/** The tables a request carries: rows by table name. */
export type HistoryTables = Readonly<Record<string, readonly HistoryRow[] | undefined>>;

/**
 * The history aggregates of one applicant from the tables a request carries: every row is theirs, except rows of a
 * table with a parent whose key names none of their parent rows (a monthly status of an unknown credit).
 */
export function historyValues(spec: HistorySpec, tables: HistoryTables): Map<string, number> {
  const accumulator = new HistoryAccumulator(spec, 1);
  for (const table of spec.tables) {
    let rows = tables[table.name] ?? [];
    const { parent } = table;
    if (parent) {
      const keys = new Set((tables[parent.table] ?? []).map((row) => identifierOf(row[parent.key])));
      rows = rows.filter((row) => {
        const key = identifierOf(row[parent.key]);
        return key !== undefined && keys.has(key);
      });
    }
    const accumulate = accumulator.tables.get(table.name)!;
    if (accumulate.needsPreparation) for (const row of rows) accumulate.prepare(0, row);
    for (const row of rows) accumulate.add(0, row);
  }
  return accumulator.values(0);
}
