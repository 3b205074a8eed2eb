/**
 * The gateway's HTTP API as the dashboard uses it, by name. Every type comes from `api-schema.ts`, generated from
 * the gateway's OpenAPI document (`npm run openapi`), so the dashboard and the API cannot disagree.
 */
import type { components, operations } from './api-schema';

type Schemas = components['schemas'];

export type ErrorBody = Schemas['ErrorBody'];
export type ErrorCode = ErrorBody['code'];
/** One problem with the input: the field (`AMT_CREDIT`, `bureau.2.DAYS_CREDIT`), a stable rule code, its figures. */
export type FieldProblem = NonNullable<ErrorBody['errors']>[number];

// --- Session -----------------------------------------------------------------
export type SessionUser = Schemas['SessionUser'];
export type Role = SessionUser['role'];
export type SignInRequest = Schemas['SignInRequest'];

// --- Clients -----------------------------------------------------------------
/** Home Credit application columns by name (AMT_CREDIT, DAYS_BIRTH, ...), as a what-if changes them. */
export type RawApplication = Schemas['WhatIfRequest']['changes'];
export type RawValue = RawApplication[string];
/** A new application: its fields and, optionally, the applicant's history tables. */
export type NewApplication = Schemas['NewApplication'];
export type ClientRecord = Schemas['ClientRecord'];
export type FieldGroup = ClientRecord['groups'][number];
export type FieldGroupName = FieldGroup['group'];
export type LabelledField = Schemas['LabelledField'];
export type KnownOutcome = ClientRecord['knownOutcome'];
export type Decision = ClientRecord['decision'];
export type ClientSummary = Schemas['ClientSummary'];
export type ClientPage = Schemas['ClientPage'];
/** The list's query as the dashboard builds it: paging always given. */
export type ClientQuery = Required<Pick<ListQuery, 'page' | 'pageSize'>> & Omit<ListQuery, 'page' | 'pageSize'>;
type ListQuery = NonNullable<operations['listClients']['parameters']['query']>;
/** Columns the list sorts by; without one, clients come in id order. */
export type ClientSortKey = NonNullable<ListQuery['sort']>;
export type HistogramBin = Schemas['HistogramBin'];
export type Population = Schemas['Population'];
export type PopulationSample = Schemas['PopulationSample'];
export type SamplePoint = PopulationSample['points'][number];
export type SimilarClients = Schemas['SimilarClients'];
export type Neighbour = SimilarClients['neighbours'][number];

// --- Scoring -----------------------------------------------------------------
export type Score = Schemas['Score'];
export type ModelFeature = Schemas['ModelFeature'];
export type ModelInfo = Schemas['ModelInfo'];
export type LenderPolicy = Schemas['LenderPolicy'];
export type ReferralBandReport = Schemas['ReferralBandReport'];
/** A decision of record as the audit log keeps it (GET /api/v1/decisions/{id}). */
export type DecisionRecord = operations['getDecision']['responses'][200]['content']['application/json'];

// --- Explanations ------------------------------------------------------------
export type Language = Schemas['Explanation']['language'];
export type Contribution = Schemas['Contribution'];
export type Reason = Schemas['Reason'];
export type Explanation = Schemas['Explanation'];
export type GlobalImportance = Schemas['GlobalImportance'];
export type ShapSummary = Schemas['ShapSummary'];
export type Dependence = Schemas['Dependence'];
export type WhatIfRequest = Schemas['WhatIfRequest'];
export type WhatIf = Schemas['WhatIf'];
export type Counterfactual = Schemas['Counterfactual'];
/** An application field the model reads, as the intake rules check it. */
export type ApplicationField = ModelInfo['applicationFields'][number];

// --- Monitoring --------------------------------------------------------------
export type DriftReport = Schemas['DriftReport'];
export type MonitoringWindow = DriftReport['window'];
export type VariableDrift = Schemas['VariableDrift'];
export type DriftStatus = VariableDrift['status'];
export type VariableDriftDetail = Schemas['VariableDriftDetail'];
export type DecisionMix = Schemas['DecisionMix'];
export type DecisionMixPoint = Schemas['DecisionMixPoint'];
export type DecisionMixReport = Schemas['DecisionMixReport'];
export type GroupApproval = Schemas['GroupApproval'];
/** A history table a new application may carry, with its columns. */
export type HistoryTableInfo = ModelInfo['historyTables'][number];

// --- Officers ----------------------------------------------------------------
export type OfficerDecisionRequest = Schemas['OfficerDecisionRequest'];
export type OfficerDecision = Schemas['OfficerDecision'];
export type OfficerVerdict = OfficerDecision['decision'];
export type OfficerReasonCode = OfficerDecision['reasonCode'];
export type ModelDecisionSummary = Schemas['ModelDecisionSummary'];
export type ReviewedDecision = Schemas['ReviewedDecision'];
export type DecisionHistory = Schemas['DecisionHistory'];
export type Referral = Schemas['Referral'];
export type ReviewQueue = Schemas['ReviewQueue'];
export type TakenReview = Schemas['TakenReview'];
/** An officer's hold on a referral: who took it and when. */
export type ReviewClaim = Schemas['ReleasedReview']['released'];
export type ReleasedReview = Schemas['ReleasedReview'];
export type ReviewCase = Schemas['ReviewCase'];
export type OverridesReport = Schemas['OverridesReport'];
export type OverrideTally = OverridesReport['byWeek'][number];
// --- Model lifecycle ---------------------------------------------------------
export type ModelList = Schemas['ModelList'];
export type ModelSummary = Schemas['ModelSummary'];
export type ModelRole = NonNullable<ModelSummary['role']>;
export type ShadowComparisons = Schemas['ShadowComparisons'];
export type ShadowComparison = Schemas['ShadowComparison'];
export type BatchJob = Schemas['BatchJob'];
export type BatchJobList = Schemas['BatchJobList'];
