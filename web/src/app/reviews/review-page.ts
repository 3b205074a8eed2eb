import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { ReviewCase } from '../core/api-types';
import { ModelCatalog } from '../core/model-catalog';
import { apiUrls } from '../core/octroi-api';
import { GiveBackButton } from '../officer/give-back-button';
import { OfficerDecisionPanel } from '../officer/officer-decision-panel';
import { ScoreGauge } from '../shared/charts/score-gauge';
import { formatFieldValue } from '../shared/format/field-value';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';

/**
 * A referred new application as the officer reviews it: the model's score against the threshold and its band, the
 * fields of the application as they were sent, and the officer's decision. (A known client's referral is reviewed
 * on the client's own page.)
 */
@Component({
  selector: 'app-review-page',
  imports: [RouterLink, LoadStatus, ScoreGauge, OfficerDecisionPanel, GiveBackButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let words = t().reviews;
    <p class="breadcrumb">
      <a [routerLink]="['/', i18n.language(), 'reviews']">{{ words.backToQueue }}</a>
    </p>
    <h1>{{ words.caseHeading }}</h1>
    <app-load-status [loading]="review.isLoading()" [error]="review.error()" (retry)="review.reload()" />
    @if (review.hasValue()) {
      @let r = review.value();
      <p class="lead" data-testid="review-intro">{{ words.caseIntro(i18n.date(r.time), r.modelVersion) }}</p>
      <div class="client-top">
        <div>
          <section
            class="card score-card"
            aria-labelledby="review-score-heading"
            data-panel="review-score"
            aria-busy="false"
          >
            <h2 id="review-score-heading">{{ t().gauge.heading }}</h2>
            <app-score-gauge
              [probability]="r.probabilityOfDefault"
              [threshold]="r.threshold"
              [decision]="r.reviewed.model.decision"
              [band]="band()"
            />
          </section>
          <section class="card officer-card" aria-labelledby="officer-heading" data-panel="officer" aria-busy="false">
            <h2 id="officer-heading">{{ t().officer.heading }}</h2>
            <app-officer-decision-panel [reviewed]="r.reviewed" (changed)="review.reload()" />
            <app-give-back-button [decisionId]="r.decisionId" [claim]="r.takenBy" />
          </section>
        </div>
        <section class="card" aria-labelledby="application-heading" data-panel="application" aria-busy="false">
          <h2 id="application-heading">{{ words.applicationHeading }}</h2>
          <dl class="field-list" data-testid="review-application">
            @for (field of fields(); track field.name) {
              <div>
                <dt>{{ field.label }}</dt>
                <dd>{{ field.value }}</dd>
              </div>
            }
          </dl>
          @for (table of historyRows(); track table.name) {
            <p class="hint">{{ words.historyRows(table.name, table.rows) }}</p>
          }
        </section>
      </div>
    }
  `,
})
export class ReviewPage {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly catalog = inject(ModelCatalog);

  // Bound from the path by the router.
  readonly decisionId = input.required<string>();

  protected readonly review = httpResource<ReviewCase>(() => apiUrls.review(this.decisionId()));
  protected readonly band = computed(() => {
    const model = this.catalog.model;
    return model.hasValue() ? (model.value().policy?.referral.band ?? 0) : 0;
  });
  protected readonly fields = computed(() => {
    const application = this.review.hasValue() ? this.review.value().application : undefined;
    return Object.entries(application ?? {}).map(([name, value]) => ({
      name,
      label: this.catalog.labelOf(name),
      value: formatFieldValue(name, value, this.i18n),
    }));
  });
  protected readonly historyRows = computed(() =>
    Object.entries((this.review.hasValue() && this.review.value().historyRows) || {}).map(([name, rows]) => ({
      name,
      rows,
    })),
  );
}
