import type { ShadowComparison, ShadowScores } from '@octroi/contracts';

/** Bins of challenger − champion, in percentage points: half a point wide from −10 to +10, open beyond. */
const BIN_WIDTH = 0.5;
const BIN_LIMIT = 10;
const BINS = (2 * BIN_LIMIT) / BIN_WIDTH;
/** The changed decisions kept to show, newest first. */
const CHANGES_KEPT = 100;

function binOf(points: number): number {
  if (points < -BIN_LIMIT) return 0;
  if (points >= BIN_LIMIT) return BINS + 1;
  return 1 + Math.floor((points + BIN_LIMIT) / BIN_WIDTH);
}

class PairTally {
  applications = 0;
  since: number | undefined;
  latest = 0;
  differenceSum = 0;
  readonly decisions = new Map<string, number>();
  readonly differences = new Array<number>(BINS + 2).fill(0);
  changes: ShadowComparison['changes'] = [];

  constructor(
    readonly champion: string,
    readonly challenger: string,
  ) {}

  add(scores: ShadowScores) {
    this.since = Math.min(this.since ?? scores.time, scores.time);
    this.latest = Math.max(this.latest, scores.time);
    for (const { champion, challenger, clientId, decisionId } of scores.applications) {
      this.applications++;
      const difference = challenger.probabilityOfDefault - champion.probabilityOfDefault;
      this.differenceSum += difference;
      this.differences[binOf(difference * 100)]!++;
      const key = `${champion.decision}|${challenger.decision}`;
      this.decisions.set(key, (this.decisions.get(key) ?? 0) + 1);
      if (champion.decision !== challenger.decision) {
        this.changes.unshift({
          time: new Date(scores.time).toISOString(),
          clientId: clientId ?? null,
          decisionId: decisionId ?? null,
          champion,
          challenger,
        });
      }
    }
    if (this.changes.length > CHANGES_KEPT) this.changes.length = CHANGES_KEPT;
  }

  report(): ShadowComparison {
    let agreed = 0;
    const decisions = [...this.decisions].map(([key, count]) => {
      const [champion, challenger] = key.split('|') as [ShadowComparison['decisions'][number]['champion'], never];
      if (champion === challenger) agreed += count;
      return { champion, challenger, count };
    });
    return {
      champion: this.champion,
      challenger: this.challenger,
      applications: this.applications,
      since: this.since === undefined ? null : new Date(this.since).toISOString(),
      agreement: this.applications > 0 ? agreed / this.applications : null,
      decisions,
      meanDifference: this.applications > 0 ? this.differenceSum / this.applications : null,
      differences: this.differences.map((count, bin) => ({
        from: bin === 0 ? null : -BIN_LIMIT + (bin - 1) * BIN_WIDTH,
        to: bin === BINS + 1 ? null : -BIN_LIMIT + bin * BIN_WIDTH,
        count,
      })),
      changes: this.changes,
    };
  }
}

/**
 * A challenger's shadow scores beside the champion's decisions, from the feed, by pair of versions: how often they
 * agree, how far the scores are apart, and the latest applications the challenger would have decided otherwise.
 */
export class ShadowComparisons {
  private readonly pairs = new Map<string, PairTally>();

  add(scores: ShadowScores) {
    const key = `${scores.champion}|${scores.challenger}`;
    let pair = this.pairs.get(key);
    if (!pair) this.pairs.set(key, (pair = new PairTally(scores.champion, scores.challenger)));
    pair.add(scores);
  }

  /** Every pair, the one scored last first; or the pairs of the versions asked for. */
  report(filter: { champion?: string; challenger?: string } = {}): ShadowComparison[] {
    return [...this.pairs.values()]
      .filter((pair) => (filter.champion ?? pair.champion) === pair.champion)
      .filter((pair) => (filter.challenger ?? pair.challenger) === pair.challenger)
      .sort((a, b) => b.latest - a.latest)
      .map((pair) => pair.report());
  }
}
