import type { ClientPage, ClientSummary, ListClientsRequest } from '@octroi/contracts';
import {
  decisionFor,
  decisionRuleOf,
  probabilityRangeOf,
  type DecisionRule,
  knownOutcomeOf,
  shortestFloat32,
  type ApplicantFeatures,
  type ApplicantRecords,
  type ModelBundle,
} from '@octroi/model-bundle';
import { idPrefixRanges, lowerBound } from './id-prefix.ts';
import { CategoryColumn, NumberColumn } from './list-columns.ts';

/** Filtered lists kept for paging: each at most 4 bytes per applicant (1.4 MB at 356k). */
const RECENT_FILTERS = 8;

interface ListBounds {
  minProbability: number;
  maxProbability: number;
  /** Exclusive upper bound: the threshold when only granted clients are asked. */
  belowProbability: number;
  checksIncome: boolean;
  minIncome: number;
  maxIncome: number;
  contract: number;
}

/** The list request of the contracts: paging, search by id prefix and filters. */
export type ListClientsQuery = ListClientsRequest;

/**
 * Paged list of clients in id order. Everything a filter reads is laid out at load in typed arrays
 * in id order, so filtering is one pass of integer and float compares over the candidates (the
 * id prefix narrows them first by binary search), and an unfiltered page is read directly.
 */
export class ClientList {
  private readonly ids: Int32Array;
  private readonly featureRows: Int32Array;
  private readonly probability: Float32Array;
  private readonly income: NumberColumn;
  private readonly credit: NumberColumn;
  private readonly age: NumberColumn;
  private readonly contractType: CategoryColumn;
  private readonly rule: DecisionRule;
  private readonly recentMatches = new Map<string, Int32Array>();

  constructor(
    private readonly bundle: ModelBundle,
    private readonly features: ApplicantFeatures,
    applicants: ApplicantRecords,
  ) {
    this.rule = decisionRuleOf(bundle);
    this.featureRows = Int32Array.from(features.ids.keys()).sort((a, b) => features.ids[a]! - features.ids[b]!);
    this.ids = this.featureRows.map((row) => features.ids[row]!);
    this.probability = Float32Array.from(this.featureRows, (row) => features.probability(row));
    const applicantRows = Int32Array.from(this.ids, (id) => applicants.rowOf(id));
    this.income = NumberColumn.of(applicants, 'AMT_INCOME_TOTAL', applicantRows);
    this.credit = NumberColumn.of(applicants, 'AMT_CREDIT', applicantRows);
    this.age = NumberColumn.of(applicants, 'DAYS_BIRTH', applicantRows, (days) => Math.floor(-days / 365.25));
    this.contractType = CategoryColumn.of(applicants, 'NAME_CONTRACT_TYPE', applicantRows);
  }

  /** Every client id, ascending. */
  allIds(): Int32Array {
    return this.ids;
  }

  list(query: ListClientsQuery): ClientPage {
    const { page, pageSize } = query;
    const first = (page - 1) * pageSize;
    const matching = this.matching(query);
    const total = matching ? matching.length : this.ids.length;
    const items: ClientSummary[] = [];
    for (let i = first; i < Math.min(first + pageSize, total); i++)
      items.push(this.summary(matching ? matching[i]! : i));
    return { page, pageSize, total, items };
  }

  /**
   * Positions of the clients passing the filters, null when there is no filter. Someone paging
   * through a filtered list asks the same filters again and again: the last few answers are kept.
   */
  private matching(query: ListClientsQuery): Int32Array | null {
    const { page, pageSize, ...filters } = query;
    // Id order ascending is the order the clients are laid out in: no sort to do.
    if ((filters.sort ?? 'clientId') === 'clientId' && filters.order !== 'desc') {
      delete filters.sort;
      delete filters.order;
    }
    const key = JSON.stringify(filters);
    if (key === '{}') return null;
    const cached = this.recentMatches.get(key);
    if (cached) {
      // Map keeps insertion order: moving the entry to the end makes it the last one evicted.
      this.recentMatches.delete(key);
      this.recentMatches.set(key, cached);
      return cached;
    }
    const found = this.sorted(this.scan(query), query);
    this.recentMatches.set(key, found);
    if (this.recentMatches.size > RECENT_FILTERS) this.recentMatches.delete(this.recentMatches.keys().next().value!);
    return found;
  }

  /** One pass over the candidates with every bound a plain number: no call per applicant. */
  private scan(query: ListClientsQuery): Int32Array {
    const bounds = this.boundsOf(query);
    if (bounds === null) return new Int32Array(0);
    const { minProbability, maxProbability, belowProbability, checksIncome, minIncome, maxIncome, contract } = bounds;
    const { probability } = this;
    const incomes = this.income.values;
    const contracts = this.contractType.codes;
    const ranges = this.candidateRanges(query.search);
    const found = new Int32Array(ranges.reduce((sum, [from, to]) => sum + to - from, 0));
    let count = 0;
    for (const [from, to] of ranges) {
      for (let at = from; at < to; at++) {
        const p = probability[at]!;
        if (p < minProbability || p > maxProbability || p >= belowProbability) continue;
        const income = incomes[at]!;
        if (checksIncome && !(income >= minIncome && income <= maxIncome)) continue;
        if (contract >= 0 && contracts[at] !== contract) continue;
        found[count++] = at;
      }
    }
    return found.slice(0, count);
  }

  /** Positions in the order asked: by the column, missing values last whatever the direction, then by id. */
  private sorted(positions: Int32Array, { sort, order }: ListClientsQuery): Int32Array {
    if (sort === undefined) return positions;
    const column = this.sortColumn(sort);
    const direction = order === 'desc' ? -1 : 1;
    return positions.sort((a, b) => {
      const x = column(a);
      const y = column(b);
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? a - b : 1) : -1;
      return x === y ? a - b : (x - y) * direction;
    });
  }

  private sortColumn(sort: NonNullable<ListClientsQuery['sort']>): (at: number) => number {
    switch (sort) {
      case 'probabilityOfDefault':
        return (at) => this.probability[at]!;
      case 'ageYears':
        return (at) => this.age.values[at]!;
      case 'incomeTotal':
        return (at) => this.income.values[at]!;
      case 'creditAmount':
        return (at) => this.credit.values[at]!;
      default:
        return (at) => this.ids[at]!;
    }
  }

  private candidateRanges(search: string | undefined): [number, number][] {
    if (!search) return [[0, this.ids.length]];
    return idPrefixRanges(search).map(([low, high]) => [lowerBound(this.ids, low), lowerBound(this.ids, high + 1)]);
  }

  /** The filters as numbers (-1 for "any" category); null when a category no client has is asked. */
  private boundsOf(query: ListClientsQuery): ListBounds | null {
    const contract = query.contractType === undefined ? -1 : this.contractType.codeOf(query.contractType);
    if (query.contractType !== undefined && contract < 0) return null;
    // Each decision is a range of probabilities (granted, referred, refused, from low to high).
    const [from, below] = query.decision ? probabilityRangeOf(query.decision, this.rule) : [-Infinity, Infinity];
    return {
      minProbability: Math.max(query.minProbability ?? -Infinity, from),
      maxProbability: query.maxProbability ?? Infinity,
      belowProbability: below,
      checksIncome: query.minIncome !== undefined || query.maxIncome !== undefined,
      minIncome: query.minIncome ?? -Infinity,
      maxIncome: query.maxIncome ?? Infinity,
      contract,
    };
  }

  private summary(at: number): ClientSummary {
    const row = this.featureRows[at]!;
    const probability = this.probability[at]!;
    return {
      clientId: this.ids[at]!,
      probabilityOfDefault: shortestFloat32(probability),
      decision: decisionFor(probability, this.rule),
      knownOutcome: knownOutcomeOf(this.features.target(row)),
      ageYears: this.age.valueAt(at),
      incomeTotal: this.income.valueAt(at),
      creditAmount: this.credit.valueAt(at),
      contractType: this.contractType.valueAt(at),
    };
  }
}
