/**
 * How many refused clients of a model bundle get a confirmed, plausible counterfactual suggestion.
 *
 *   node --conditions=source --import tsx scripts/counterfactual-coverage.ts [--model <bundle>] [--sample <N>] [--seed <S>]
 *
 * Every refused applicant of the bundle (or a seeded sample of N of them) is searched as the explain service
 * searches, within the lender's policy and the intake rules, and each suggestion is confirmed by the scoring
 * service's own scorer (onnxruntime on model.onnx). Prints the share of refused clients with a suggestion, and
 * which lever it uses.
 */
import { parseArgs } from 'node:util';
import { defaultModelDir, loadApplicantFeatures, loadBundle, seededOrder } from '@octroi/model-bundle';
import { counterfactual } from '../services/explain/src/counterfactual.ts';
import { ExplainerContext } from '../services/explain/src/explainer-context.ts';
import { CreditScorer } from '../services/scoring/src/credit-scorer.ts';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: defaultModelDir() },
    sample: { type: 'string' },
    seed: { type: 'string', default: '42' },
  },
});

const bundle = await loadBundle(values.model);
const [context, scorer, applicants] = await Promise.all([
  ExplainerContext.load(bundle),
  CreditScorer.load(bundle),
  loadApplicantFeatures(bundle),
]);
const { explainer, derive } = context;

const refused = Array.from(applicants.ids).filter(
  (id) => explainer.score(applicants.features(applicants.rowOf(id))).decision === 'refused',
);
const order = values.sample ? seededOrder(refused.length, Number(values.seed)).slice(0, Number(values.sample)) : null;
const clients = order ? order.map((i) => refused[i]!) : refused;

const byLever = new Map<string, number>();
let found = 0;
let last = 0;
const started = Date.now();
for (const [done, clientId] of clients.entries()) {
  const client = context.client(clientId);
  const suggestion = await counterfactual(
    explainer,
    derive,
    { clientId, raw: client.raw, features: client.features, language: 'en' },
    {
      rescore: async (raw) => {
        const [score] = await scorer.scoreRows([Array.from(context.withChanges(client, raw), nan)], () => 'features');
        return score!;
      },
      plausible: (raw) => context.plausibleLoan(raw),
      actionable: (field) => context.actionable(field),
    },
  );
  if (suggestion.found && suggestion.result?.verifiedByScoring) {
    found++;
    byLever.set(suggestion.lever ?? '?', (byLever.get(suggestion.lever ?? '?') ?? 0) + 1);
  }
  if (Date.now() - last > 2000) {
    last = Date.now();
    console.error(`${done + 1} / ${clients.length} refused clients searched, ${found} with a suggestion`);
  }
}

const share = (n: number) => `${((100 * n) / Math.max(1, clients.length)).toFixed(1)} %`;
console.log(`bundle ${bundle.version}: ${applicants.size} applicants, ${refused.length} refused`);
console.log(
  `${found} of ${clients.length} refused clients${order ? ' (seeded sample)' : ''} get a confirmed, plausible suggestion: ${share(found)}`,
);
for (const [lever, count] of [...byLever].sort((a, b) => b[1] - a[1]))
  console.log(`  ${lever}: ${count} (${share(count)})`);
console.log(`searched in ${((Date.now() - started) / 1000).toFixed(0)} s`);

function nan(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
