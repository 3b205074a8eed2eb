import type { ModelInfo } from '@octroi/contracts';
import { loadBundle, type BundleCatalogue } from '@octroi/model-bundle';
import { envInt, type Runtime } from '@octroi/runtime';
import { ApplicantGroups } from './applicant-groups.ts';
import { CreditScorer } from './credit-scorer.ts';
import { LiveDecisions, type MonitoringPublisher } from './monitoring-feed.ts';

/** What the scoring service holds for one model version. */
export interface ScoringModel {
  version: string;
  scorer: CreditScorer;
  info: ModelInfo;
  /** Counts this version's live decisions for the monitoring. */
  live: LiveDecisions;
}

/** Loads a version of the catalogue: the ONNX session, the applicants' features and groups. */
export function scoringModelLoader(runtime: Runtime, catalogue: BundleCatalogue, publisher: MonitoringPublisher) {
  return async (version: string): Promise<ScoringModel> => {
    const entry = await catalogue.find(version);
    if (!entry) throw new Error(`No model bundle has version ${version}`);
    const bundle = await loadBundle(entry.dir);
    const [scorer, groups] = await Promise.all([
      CreditScorer.load(bundle, { intraOpThreads: envInt('ORT_INTRA_OP_THREADS', 1) }),
      ApplicantGroups.load(bundle),
    ]);
    const live = new LiveDecisions(publisher, {
      reference: scorer.driftReference(),
      featureNames: scorer.featureNames,
      groups,
    });
    runtime.log.info({ version, dir: entry.dir }, 'model loaded');
    return { version, scorer, info: scorer.modelInfo(), live };
  };
}

/** A version no longer served: its ONNX session goes. */
export async function releaseScoringModel(model: ScoringModel) {
  await model.scorer.release();
}
