import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  numberAttribute,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import type {
  ClientRecord,
  DecisionHistory,
  Explanation,
  RawValue,
  ReviewCase,
  ReviewedDecision,
  Score,
} from '../core/api-types';
import { ModelCatalog } from '../core/model-catalog';
import { apiUrls } from '../core/octroi-api';
import { DecisionHistoryPanel } from '../officer/decision-history-panel';
import { GiveBackButton } from '../officer/give-back-button';
import { OfficerDecisionPanel } from '../officer/officer-decision-panel';
import { ScoreGauge } from '../shared/charts/score-gauge';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';
import { BivariatePanel } from './bivariate-panel';
import { ClientFinder } from './client-finder';
import { ClientRecordPanel } from './client-record-panel';
import { CounterfactualPanel } from './counterfactual-panel';
import { PopulationPanel } from './population-panel';
import { ReasonsPanel } from './reasons-panel';
import { SimilarClientsPanel } from './similar-clients-panel';
import { WhatIfPanel } from './what-if-panel';

/** The external scores separate repaid from defaulted clients best in the training data. */
const DEFAULT_FEATURES = { population: 'EXT_SOURCE_3', x: 'EXT_SOURCE_3', y: 'EXT_SOURCE_2' } as const;

/**
 * One client: decision and reasons first, then the file, comparisons with all clients,
 * similar clients, the what-if simulator and, when refused, what would change the decision.
 * Each panel loads on its own, so a service that is down only empties its own panel.
 * The chosen features live in the query string (`feature`, `x`, `y`) so the view can be shared.
 */
@Component({
  selector: 'app-client-page',
  imports: [
    RouterLink,
    LoadStatus,
    ScoreGauge,
    ClientFinder,
    ClientRecordPanel,
    ReasonsPanel,
    PopulationPanel,
    BivariatePanel,
    SimilarClientsPanel,
    WhatIfPanel,
    CounterfactualPanel,
    OfficerDecisionPanel,
    GiveBackButton,
    DecisionHistoryPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <div>
        <p class="breadcrumb">
          <a [routerLink]="['/', i18n.language(), 'clients']">{{ t().clients.backToList }}</a>
        </p>
        <h1 data-testid="client-heading">{{ t().client.heading(clientId()) }}</h1>
      </div>
      <details class="finder-compact" #finder (keydown.escape)="closeFinder(finder)">
        <summary>{{ t().clients.findHeading }}</summary>
        <app-client-finder />
      </details>
    </div>

    <div class="client-top">
      <div>
        <section
          class="card score-card"
          aria-labelledby="score-heading"
          data-panel="score"
          [attr.aria-busy]="score.isLoading()"
        >
          <h2 id="score-heading">{{ t().gauge.heading }}</h2>
          <app-load-status [loading]="score.isLoading()" [error]="score.error()" (retry)="score.reload()" />
          @if (score.hasValue()) {
            @let s = score.value();
            <app-score-gauge
              [probability]="s.probabilityOfDefault"
              [threshold]="s.threshold"
              [decision]="s.decision"
              [band]="referralBand()"
            />
            <p class="hint">{{ t().gauge.modelVersion(s.modelVersion) }}</p>
            @if (s.decisionId) {
              <p class="hint" data-testid="decision-reference">{{ t().gauge.decisionReference(s.decisionId) }}</p>
              <p>
                <a [routerLink]="['/', i18n.language(), 'clients', clientId(), 'letter']" data-testid="letter-link">{{
                  t().letter.open
                }}</a>
              </p>
            }
          }
        </section>
        <section
          class="card officer-card"
          aria-labelledby="officer-heading"
          data-panel="officer"
          [attr.aria-busy]="historyPending()"
        >
          <h2 id="officer-heading">{{ t().officer.heading }}</h2>
          <app-load-status [loading]="history.isLoading()" [error]="history.error()" (retry)="history.reload()" />
          @if (reviewed(); as reviewed) {
            <app-officer-decision-panel [reviewed]="reviewed" (changed)="history.reload()" />
            @if (waitingReview.hasValue()) {
              <app-give-back-button [decisionId]="reviewed.model.decisionId" [claim]="waitingReview.value().takenBy" />
            }
          }
        </section>
        @if (refused()) {
          <section class="card counterfactual-card" aria-labelledby="counterfactual-heading">
            <h2 id="counterfactual-heading">{{ t().counterfactual.heading }}</h2>
            <p class="hint">{{ t().counterfactual.intro }}</p>
            <app-counterfactual-panel [clientId]="clientId()" (tryIt)="tryInWhatIf($event)" />
          </section>
        }
      </div>

      <section
        class="card reasons-card"
        aria-labelledby="reasons-heading"
        data-panel="reasons"
        [attr.aria-busy]="explanation.isLoading()"
      >
        <h2 id="reasons-heading">{{ t().reasons.heading }}</h2>
        <app-load-status
          [loading]="explanation.isLoading()"
          [error]="explanation.error()"
          (retry)="explanation.reload()"
        />
        @if (explanation.hasValue()) {
          <app-reasons-panel [explanation]="explanation.value()" />
        }
      </section>
    </div>

    <div class="client-grid">
      <section
        class="card record-card"
        aria-labelledby="record-heading"
        data-panel="record"
        [attr.aria-busy]="record.isLoading()"
      >
        <h2 id="record-heading">{{ t().client.informationHeading }}</h2>
        <app-load-status [loading]="record.isLoading()" [error]="record.error()" (retry)="record.reload()" />
        @if (record.hasValue()) {
          <app-client-record-panel [record]="record.value()" />
        }
      </section>

      <section
        class="card what-if-card"
        #whatIfSection
        tabindex="-1"
        aria-labelledby="what-if-heading"
        data-panel="what-if"
        [attr.aria-busy]="record.isLoading()"
      >
        <h2 id="what-if-heading">{{ t().whatIf.heading }}</h2>
        <app-load-status [loading]="record.isLoading()" [error]="record.error()" (retry)="record.reload()" />
        @if (record.hasValue()) {
          <app-what-if-panel [clientId]="clientId()" [record]="record.value()" />
        }
      </section>

      <section class="card population-card" aria-labelledby="population-heading">
        <h2 id="population-heading">{{ t().comparison.heading }}</h2>
        <app-population-panel
          [clientId]="clientId()"
          [feature]="populationFeature()"
          (featureChange)="setQuery({ feature: $event })"
        />
      </section>

      <section class="card bivariate-card" aria-labelledby="bivariate-heading">
        <h2 id="bivariate-heading">{{ t().comparison.bivariateHeading }}</h2>
        <app-bivariate-panel
          [clientId]="clientId()"
          [x]="xFeature()"
          [y]="yFeature()"
          [threshold]="threshold()"
          (xChange)="setQuery({ x: $event })"
          (yChange)="setQuery({ y: $event })"
        />
      </section>

      <section
        class="card history-card"
        aria-labelledby="history-heading"
        data-panel="history"
        [attr.aria-busy]="historyPending()"
      >
        <h2 id="history-heading">{{ t().decisionHistory.heading }}</h2>
        <p class="hint">{{ t().decisionHistory.intro }}</p>
        <app-load-status [loading]="history.isLoading()" [error]="history.error()" (retry)="history.reload()" />
        @if (history.hasValue()) {
          <app-decision-history-panel [history]="history.value()" />
        }
      </section>

      <section class="card similar-card" aria-labelledby="similar-heading">
        <h2 id="similar-heading">{{ t().similar.heading }}</h2>
        <app-similar-clients-panel [clientId]="clientId()" />
      </section>
    </div>
  `,
})
export class ClientPage {
  protected readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly catalog = inject(ModelCatalog);
  protected readonly t = this.i18n.t;

  // Bound from the path and the query string by the router.
  readonly clientId = input.required({ transform: numberAttribute });
  readonly feature = input<string>();
  readonly x = input<string>();
  readonly y = input<string>();

  private readonly whatIf = viewChild(WhatIfPanel);
  private readonly whatIfSection = viewChild<ElementRef<HTMLElement>>('whatIfSection');

  protected readonly record = httpResource<ClientRecord>(() => apiUrls.client(this.clientId(), this.i18n.language()));
  protected readonly score = httpResource<Score>(() => apiUrls.score(this.clientId()));
  protected readonly explanation = httpResource<Explanation>(() =>
    apiUrls.explanation(this.clientId(), this.i18n.language()),
  );
  /** Asked once the decision of record is known: it joins the client's history when it is recorded. */
  protected readonly history = httpResource<DecisionHistory>(() =>
    this.score.hasValue() && this.score.value().decisionId ? apiUrls.decisionHistory(this.clientId()) : undefined,
  );
  /** Until the history answers (or fails): it is asked only once the score is known, so not loading yet is pending too. */
  protected readonly historyPending = computed(
    () =>
      this.score.isLoading() ||
      this.history.isLoading() ||
      (this.score.hasValue() && !!this.score.value().decisionId && !this.history.hasValue() && !this.history.error()),
  );
  /** The decision of record with what officers decided on it. */
  protected readonly reviewed = computed<ReviewedDecision | undefined>(() => {
    if (!this.score.hasValue() || !this.history.hasValue()) return undefined;
    const score = this.score.value();
    return this.history.value().decisions.find((d) => d.model.decisionId === score.decisionId);
  });

  /** A referred decision no officer has decided yet, as the review queue holds it: who took it, if anyone. */
  protected readonly waitingReview = httpResource<ReviewCase>(() => {
    const reviewed = this.reviewed();
    return reviewed?.model.decision === 'referred' && reviewed.officerDecisions.length === 0
      ? apiUrls.review(reviewed.model.decisionId)
      : undefined;
  });

  /** Refused or referred: what would change the decision helps the client and the officer who decides. */
  protected readonly refused = computed(() => this.score.hasValue() && this.score.value().decision !== 'granted');
  protected readonly referralBand = computed(() => {
    const model = this.catalog.model;
    return model.hasValue() ? (model.value().policy?.referral.band ?? 0) : 0;
  });
  protected readonly threshold = computed(() => (this.score.hasValue() ? this.score.value().threshold : 0.5));

  /** Chosen features, or defaults that are telling for most clients. */
  protected readonly populationFeature = computed(() => this.feature() || DEFAULT_FEATURES.population);
  protected readonly xFeature = computed(() => this.x() || DEFAULT_FEATURES.x);
  protected readonly yFeature = computed(() => this.y() || DEFAULT_FEATURES.y);

  protected setQuery(params: { feature?: string; x?: string; y?: string }): void {
    void this.router.navigate([], { queryParams: params, queryParamsHandling: 'merge', replaceUrl: true });
  }

  /** Escape closes the finder as it closes any dialog, and gives focus back to what opened it. */
  protected closeFinder(finder: HTMLDetailsElement): void {
    if (!finder.open) return;
    finder.open = false;
    finder.querySelector('summary')?.focus();
  }

  protected tryInWhatIf(changes: Record<string, RawValue>): void {
    this.whatIf()?.apply(changes);
    const section = this.whatIfSection()?.nativeElement;
    section?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    section?.focus({ preventScroll: true });
  }
}
