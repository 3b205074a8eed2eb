import { hash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { indexInRequest, requestKeyOf, type AuditedRecord, type ChainedRecord } from '@octroi/contracts';

/**
 * The hash chain of the audit log. Each writer (a scoring replica, or the embedded process) keeps its own chain:
 * every record holds the digest of the record before it in that chain and its own digest, so replicas append
 * without waiting for one another, and an edited, removed or inserted record breaks its chain where it lies.
 */
export const GENESIS = '0'.repeat(64);

/** SHA-256 of a record without its `digest`, keys sorted: the same record gives the same digest wherever it is read. */
export function digestOf(record: Omit<ChainedRecord, 'digest'> & { digest?: string }): string {
  return hash('sha256', canonicalJson(record, 'digest'));
}

const isPlainValue = (value: unknown) => value === null || typeof value !== 'object';

/**
 * A record as JSON with its keys sorted at every depth (undefined values left out) and without the key `left`:
 * the text safe-stable-stringify writes. A flat record is written by JSON.stringify: as it is when its keys are in
 * order already (the chain writes its records so), else with the sorted keys as replacer. A nested one is copied
 * without `left` and written by safe-stable-stringify.
 */
export function canonicalJson(record: object, left: string): string {
  const values = record as Record<string, unknown>;
  const keys = Object.keys(values);
  if (keys.every((key) => isPlainValue(values[key]))) {
    if (!(left in values) && keys.every((key, i) => i === 0 || keys[i - 1]! < key)) return JSON.stringify(values);
    return JSON.stringify(values, keys.filter((key) => key !== left).sort());
  }
  const { [left]: _left, ...content } = values;
  return stringify(content) ?? '';
}

/** The fields the chain adds to a decision, but its digest. */
type ChainFields = Pick<ChainedRecord, 'chain' | 'seq' | 'previous'>;

/** The keys of decisions of one shape with the chain's fields, sorted, by the decisions' own keys. */
const keyOrders = new Map<string, string[]>();

/**
 * A decision with the chain's fields, in a new object whose keys are in sorted order: its canonical JSON is then
 * what JSON.stringify writes (copying with a spread and sorting at every digest cost several times more).
 */
function inKeyOrder(decision: object, fields: ChainFields): Record<string, unknown> {
  const values = decision as Record<string, unknown>;
  const added = fields as unknown as Record<string, unknown>;
  const own = Object.keys(values);
  const shape = own.join();
  let order = keyOrders.get(shape);
  if (!order) {
    order = [...new Set([...own, ...Object.keys(added)])].sort();
    keyOrders.set(shape, order);
  }
  const record: Record<string, unknown> = {};
  for (const key of order) record[key] = key in added ? added[key] : values[key];
  return record;
}

/** One request's records as the audit log stores them: one JetStream message, or one line of the file. */
export interface AuditEntry<R extends ChainedRecord = ChainedRecord> {
  request: string;
  records: R[];
}

/** The head of one writer's chain: links decisions, in the order they are given, after the last one it linked. */
export class ChainWriter {
  constructor(
    readonly id: string,
    private seq = 0,
    private previous = GENESIS,
  ) {}

  /** Continues the chain that ends with `last` (a file reopened), or starts a new one named `id`. */
  static after(last: ChainedRecord | undefined, id: string) {
    return last ? new ChainWriter(last.chain, last.seq + 1, last.digest) : new ChainWriter(id);
  }

  /** The entry for one request: every decision must belong to it (same request key), in order. */
  link<R extends AuditedRecord>(decisions: R[]): AuditEntry<R & ChainedRecord> {
    const request = requestKeyOf(decisions[0]!.decisionId);
    const records = decisions.map((decision, index) => {
      if (requestKeyOf(decision.decisionId) !== request || indexInRequest(decision.decisionId) !== index)
        throw new RangeError(`Decision ${decision.decisionId} is not number ${index} of request ${request}`);
      const record = inKeyOrder(decision, { chain: this.id, seq: this.seq++, previous: this.previous });
      record['digest'] = this.previous = hash('sha256', canonicalJson(record, 'digest'));
      return record as unknown as R & ChainedRecord;
    });
    return { request, records };
  }
}

export interface ChainSummary {
  chain: string;
  records: number;
  first?: string;
  last?: string;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  records: number;
  chains: ChainSummary[];
  /** What is wrong, in words, the first 50 problems. */
  problems: string[];
  problemCount: number;
}

/**
 * Checks a whole audit log, entries in any order: each record's digest matches its content, each request's decisions
 * are numbered 0..n-1 under its request key, no decision id appears twice, and each chain runs from 0 with no gap,
 * each record holding its predecessor's digest. `problems` names the first faults found.
 */
export class ChainVerifier {
  private entries = 0;
  private records = 0;
  private readonly seen = new Set<string>();
  private readonly chains = new Map<string, Map<number, { previous: string; digest: string }>>();
  private readonly summaries = new Map<string, ChainSummary>();
  private readonly problems: string[] = [];
  private problemCount = 0;

  private fault(problem: string) {
    if (this.problemCount++ < 50) this.problems.push(problem);
  }

  /** `where` names the entry for the report (a stream sequence, a line number). */
  add(entry: AuditEntry, where: string) {
    this.entries++;
    entry.records.forEach((record, index) => {
      this.records++;
      const id = record.decisionId;
      if (this.seen.has(id)) this.fault(`${where}: decision ${id} appears more than once`);
      this.seen.add(id);
      let belongs = false;
      try {
        belongs = requestKeyOf(id) === entry.request && indexInRequest(id) === index;
      } catch {
        // an id that is not a decision id is reported just below
      }
      if (!belongs) this.fault(`${where}: decision ${id} is not number ${index} of request ${entry.request}`);
      if (digestOf(record) !== record.digest)
        this.fault(`${where}: decision ${id} was changed after it was recorded (its digest does not match)`);
      const chain = this.chains.get(record.chain) ?? new Map<number, { previous: string; digest: string }>();
      this.chains.set(record.chain, chain);
      if (chain.has(record.seq))
        this.fault(`${where}: chain ${record.chain} has two records at position ${record.seq}`);
      chain.set(record.seq, { previous: record.previous, digest: record.digest });
      const summary = this.summaries.get(record.chain) ?? { chain: record.chain, records: 0 };
      summary.records++;
      if (!summary.first || record.time < summary.first) summary.first = record.time;
      if (!summary.last || record.time > summary.last) summary.last = record.time;
      this.summaries.set(record.chain, summary);
    });
  }

  report(extraProblems: string[] = []): VerifyReport {
    extraProblems.forEach((problem) => this.fault(problem));
    for (const [id, chain] of this.chains) {
      const length = Math.max(...chain.keys()) + 1;
      for (let seq = 0; seq < length; seq++) {
        const link = chain.get(seq);
        if (!link) {
          this.fault(`chain ${id}: the record at position ${seq} is missing`);
          continue;
        }
        const expected = seq === 0 ? GENESIS : chain.get(seq - 1)?.digest;
        if (expected !== undefined && link.previous !== expected)
          this.fault(`chain ${id}: the record at position ${seq} does not follow the one before it`);
      }
    }
    return {
      ok: this.problemCount === 0,
      entries: this.entries,
      records: this.records,
      chains: [...this.summaries.values()].sort((a, b) => (a.first ?? '').localeCompare(b.first ?? '')),
      problems: this.problems,
      problemCount: this.problemCount,
    };
  }
}
