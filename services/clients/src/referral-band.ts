/**
 * What the referral band means for the lender: how many clients fall in it (an officer decides them instead of the
 * model) and what deciding them automatically would cost. A granted client defaults with probability p, costing
 * costFalseNegative; a refused client would have repaid with probability 1 − p, costing costFalsePositive. Near the
 * threshold both mistakes are likeliest: that is where a person's judgement is worth the most.
 */
import type { ReferralBandReport } from '@octroi/contracts';
import { decisionFor, type DecisionRule } from '@octroi/model-bundle';

export interface Costs {
  costFalseNegative: number;
  costFalsePositive: number;
}

/** One client as the report reads it: the model's probability and, for a past loan, whether it defaulted. */
export interface ScoredClient {
  probabilityOfDefault: number;
  defaulted: boolean | null;
}

/** Bins of half a band, three bands either side of the threshold: the band and what surrounds it. */
const BINS_PER_SIDE = 6;

/** The expected cost of the automatic decision (at the threshold alone) for one probability of default. */
export function automaticExpectedCost(probability: number, threshold: number, costs: Costs): number {
  return probability >= threshold ? (1 - probability) * costs.costFalsePositive : probability * costs.costFalseNegative;
}

/** What the automatic decision did cost for a past loan whose outcome is known. */
function automaticObservedCost(probability: number, defaulted: boolean, threshold: number, costs: Costs): number {
  if (probability >= threshold) return defaulted ? 0 : costs.costFalsePositive;
  return defaulted ? costs.costFalseNegative : 0;
}

export function referralBandReport(
  clients: Iterable<ScoredClient>,
  rule: DecisionRule,
  costs: Costs,
): ReferralBandReport {
  const { threshold, referralBand: band } = rule;
  const step = band > 0 ? band / 2 : 0.005;
  const edges = Array.from({ length: 2 * BINS_PER_SIDE + 1 }, (_, i) => threshold + (i - BINS_PER_SIDE) * step);
  const bins = edges.slice(0, -1).map((from, i) => ({
    from: Math.max(0, from),
    to: Math.min(1, edges[i + 1]!),
    clients: 0,
    expectedCost: 0,
    referred: band > 0 && from >= threshold - band - 1e-12 && edges[i + 1]! <= threshold + band + 1e-12,
  }));
  const referred = { clients: 0, expectedCost: 0, share: 0, known: 0, defaulted: 0, observedCost: 0 };
  let total = 0;
  for (const { probabilityOfDefault: p, defaulted } of clients) {
    total++;
    const cost = automaticExpectedCost(p, threshold, costs);
    const bin = Math.floor((p - edges[0]!) / step);
    if (bin >= 0 && bin < bins.length) {
      bins[bin]!.clients++;
      bins[bin]!.expectedCost += cost;
    }
    if (decisionFor(p, rule) !== 'referred') continue;
    referred.clients++;
    referred.expectedCost += cost;
    if (defaulted === null) continue;
    referred.known++;
    if (defaulted) referred.defaulted++;
    referred.observedCost += automaticObservedCost(p, defaulted, threshold, costs);
  }
  referred.share = total > 0 ? referred.clients / total : 0;
  return { threshold, band, ...costs, clients: total, referred, bins };
}
