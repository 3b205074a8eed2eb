import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import type {
  BatchJob,
  ClientQuery,
  FieldProblem,
  Explanation,
  Language,
  ModelList,
  ModelRole,
  MonitoringWindow,
  NewApplication,
  OfficerDecision,
  OfficerDecisionRequest,
  ReleasedReview,
  Score,
  SessionUser,
  SignInRequest,
  TakenReview,
  WhatIf,
  WhatIfRequest,
} from './api-types';

/** Every route of the gateway lives under this prefix, served from the same origin as the dashboard. */
export const API_ROOT = '/api/v1';

type QueryValue = string | number | undefined | null;

/** Builds `path?query`, leaving out parameters that are undefined, null or empty. */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_ROOT}${path}${search ? `?${search}` : ''}`;
}

/** Addresses of the gateway's read-only routes, for `httpResource`. */
export const apiUrls = {
  session: () => apiUrl('/session'),
  clients: (query: ClientQuery) => apiUrl('/clients', { ...query }),
  client: (id: number, language: Language) => apiUrl(`/clients/${id}`, { language }),
  score: (id: number) => apiUrl(`/clients/${id}/score`),
  similar: (id: number, k = 10) => apiUrl(`/clients/${id}/similar`, { k }),
  explanation: (id: number, language: Language) => apiUrl(`/clients/${id}/explanation`, { language }),
  counterfactual: (id: number, language: Language) => apiUrl(`/clients/${id}/counterfactual`, { language }),
  population: (feature: string, clientId: number | undefined, language: Language) =>
    apiUrl(`/population/${encodeURIComponent(feature)}`, { clientId, language }),
  /**
   * 500 clients: enough to show the shape of a population, and few enough for the bivariate
   * plot, where ngx-charts draws each point as its own component, to stay quick to draw.
   */
  populationSample: (x: string, y: string, clientId: number | undefined, size = 500) =>
    apiUrl('/population-sample', { x, y, size, clientId }),
  globalImportance: (language: Language) => apiUrl('/explanations/global', { language }),
  summary: (language: Language, top = 15, points = 500) => apiUrl('/explanations/summary', { top, points, language }),
  dependence: (feature: string, color: string | undefined, language: Language) =>
    apiUrl('/explanations/dependence', { feature, color, language }),
  model: () => apiUrl('/model'),
  decision: (decisionId: string) => apiUrl(`/decisions/${encodeURIComponent(decisionId)}`),
  referralBand: () => apiUrl('/model/referral-band'),
  drift: (window: MonitoringWindow) => apiUrl('/monitoring/drift', { window }),
  variableDrift: (variable: string, window: MonitoringWindow, modelVersion: string | undefined) =>
    apiUrl(`/monitoring/drift/${encodeURIComponent(variable)}`, { window, modelVersion }),
  decisionMix: (window: MonitoringWindow) => apiUrl('/monitoring/decisions', { window }),
  decisionHistory: (clientId: number) => apiUrl(`/clients/${clientId}/decision-history`),
  reviews: (limit = 50) => apiUrl('/reviews', { limit }),
  review: (decisionId: string) => apiUrl(`/reviews/${encodeURIComponent(decisionId)}`),
  overrides: (weeks: number) => apiUrl('/overrides', { weeks }),
  models: () => apiUrl('/models'),
  shadowComparison: (versions: { champion?: string; challenger?: string }) => apiUrl('/models/comparison', versions),
  batches: (limit = 20) => apiUrl('/batches', { limit }),
  batchResults: (id: string) => apiUrl(`/batches/${encodeURIComponent(id)}/results`),
} as const;

/** The gateway's routes that change something or take a body. */
@Injectable({ providedIn: 'root' })
export class OctroiApi {
  private readonly http = inject(HttpClient);

  signIn(credentials: SignInRequest): Observable<SessionUser> {
    return this.http.post<SessionUser>(apiUrl('/session'), credentials);
  }

  currentUser(): Observable<SessionUser> {
    return this.http.get<SessionUser>(apiUrl('/session'));
  }

  signOut(): Observable<void> {
    return this.http.delete(apiUrl('/session')).pipe(map(() => undefined));
  }

  whatIf(request: WhatIfRequest): Observable<WhatIf> {
    return this.http.post<WhatIf>(apiUrl('/what-if'), request);
  }

  /** Administrators only: the bundle becomes the champion (it decides) or the challenger (it scores in shadow). */
  promoteModel(version: string, role: ModelRole, reason: string): Observable<ModelList> {
    return this.http.put<ModelList>(apiUrl(`/models/${role}`), { version, reason });
  }

  /** Administrators only: the challenger stops scoring in shadow. */
  retireChallenger(reason: string): Observable<ModelList> {
    return this.http.delete<ModelList>(apiUrl('/models/challenger'), { params: { reason } });
  }

  scoreApplication(application: NewApplication): Observable<Score> {
    return this.http.post<Score>(apiUrl('/score'), application);
  }

  /** Uploads a file of applications as a batch job (CSV or JSON lines, said by its content type). */
  submitBatch(file: Blob, contentType: string): Observable<BatchJob> {
    return this.http.post<BatchJob>(apiUrl('/batches'), file, { headers: { 'content-type': contentType } });
  }

  explainApplication(application: NewApplication, language: Language): Observable<Explanation> {
    return this.http.post<Explanation>(apiUrl('/explanations'), { application, language });
  }

  recordOfficerDecision(request: OfficerDecisionRequest): Observable<OfficerDecision> {
    return this.http.post<OfficerDecision>(apiUrl('/officer-decisions'), request);
  }

  takeNextReview(): Observable<TakenReview> {
    return this.http.post<TakenReview>(apiUrl('/reviews/next'), null);
  }

  /** Gives back a referral this officer took: it waits again for every officer. */
  releaseReview(decisionId: string): Observable<ReleasedReview> {
    return this.http.delete<ReleasedReview>(apiUrl(`/reviews/${encodeURIComponent(decisionId)}/claim`));
  }
}

/** The gateway's error body, when the failure carries one. */
export function errorBodyOf(error: unknown): {
  status: number;
  code?: string;
  message?: string;
  field?: string;
  requestId?: string;
  errors: FieldProblem[];
} {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as {
      code?: unknown;
      message?: unknown;
      field?: unknown;
      requestId?: unknown;
      errors?: unknown;
    } | null;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return {
      status: error.status,
      code: text(body?.code),
      message: text(body?.message),
      field: text(body?.field),
      requestId: text(body?.requestId) ?? error.headers?.get('x-request-id') ?? undefined,
      errors: Array.isArray(body?.errors) ? (body.errors as FieldProblem[]) : [],
    };
  }
  return { status: 0, errors: [] };
}
