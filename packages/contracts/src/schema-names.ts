import type { TSchema } from '@sinclair/typebox';
import { RawApplication } from './application.ts';
import { NewApplication } from './intake/schemas.ts';
import { ClientPage, ClientRecord, ClientSummary, HistogramBin, LabelledField, Population } from './clients.ts';
import { PopulationSample, ReferralBandReport, SimilarClients } from './clients.ts';
import { ErrorBody } from './envelope.ts';
import { Contribution, Counterfactual, Dependence, ExplainApplicationRequest, Explanation } from './explain.ts';
import { GlobalImportance, Reason, ShapSummary, WhatIf, WhatIfRequest } from './explain.ts';
import { SessionUser, SignInRequest } from './http.ts';
import {
  SeedClientIds,
  SeedClientInfo,
  SeedColumn,
  SeedCorrelation,
  SeedFeatureImportance,
  SeedScore,
} from './seed.ts';
import { LenderPolicy } from './policy.ts';
import {
  DecisionMix,
  DecisionMixPoint,
  DecisionMixReport,
  DriftReport,
  GroupApproval,
  VariableDrift,
  VariableDriftDetail,
} from './monitoring.ts';
import { ModelList, ModelSummary, ShadowComparison, ShadowComparisons } from './models.ts';
import { ModelFeature, ModelInfo, Score, ScoreBatchReply } from './scoring.ts';
import { BatchJob, BatchJobList, BatchProgressPoint } from './batches.ts';
import {
  DecisionHistory,
  ModelDecisionSummary,
  OfficerDecision,
  OfficerDecisionRequest,
  OverridesReport,
  Referral,
  ReviewCase,
  ReviewQueue,
  ReleasedReview,
  ReviewedDecision,
  TakenReview,
} from './officer.ts';

/**
 * The schemas the OpenAPI document names (under `components.schemas`), so that clients generated from it, the
 * dashboard's types among them, keep these names. Each gets its name as its `title`.
 */
export const NAMED_SCHEMAS: Record<string, TSchema> = {
  BatchJob,
  BatchJobList,
  BatchProgressPoint,
  ErrorBody,
  RawApplication,
  ReferralBandReport,
  NewApplication,
  Score,
  ScoreBatchReply,
  ModelFeature,
  ModelInfo,
  LenderPolicy,
  LabelledField,
  ClientRecord,
  ClientSummary,
  ClientPage,
  HistogramBin,
  Population,
  PopulationSample,
  SimilarClients,
  Contribution,
  Reason,
  Explanation,
  ExplainApplicationRequest,
  GlobalImportance,
  ShapSummary,
  Dependence,
  WhatIfRequest,
  WhatIf,
  Counterfactual,
  SessionUser,
  SignInRequest,
  DriftReport,
  VariableDrift,
  VariableDriftDetail,
  DecisionMix,
  DecisionMixPoint,
  DecisionMixReport,
  GroupApproval,
  OfficerDecisionRequest,
  OfficerDecision,
  ModelDecisionSummary,
  ReviewedDecision,
  DecisionHistory,
  Referral,
  ReviewQueue,
  TakenReview,
  ReleasedReview,
  ReviewCase,
  OverridesReport,
  ModelList,
  ModelSummary,
  ShadowComparison,
  ShadowComparisons,
  SeedClientIds,
  SeedScore,
  SeedClientInfo,
  SeedColumn,
  SeedFeatureImportance,
  SeedCorrelation,
};
for (const [name, schema] of Object.entries(NAMED_SCHEMAS)) schema.title ??= name;
