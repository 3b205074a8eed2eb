import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';

import { ModelCatalog } from '../core/model-catalog';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';
import { DependencePanel } from './dependence-panel';
import { ImportancePanel } from './importance-panel';
import { QualityPanel } from './quality-panel';
import { FairnessPanel } from './fairness-panel';
import { ReferralPanel } from './referral-panel';
import { SummaryPanel } from './summary-panel';

/**
 * The model as a whole: which features matter, how their values push the score, and how
 * well the model separates clients at its threshold. The dependence plot's features are in
 * the query string (`feature`, `color`).
 */
@Component({
  selector: 'app-model-page',
  imports: [LoadStatus, ImportancePanel, SummaryPanel, DependencePanel, QualityPanel, ReferralPanel, FairnessPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().model.heading }}</h1>
    @if (catalog.model.hasValue()) {
      @let m = catalog.model.value();
      <p class="lead">{{ t().model.intro(m.name, m.version, i18n.date(m.createdAt)) }}</p>
    }

    <section
      class="card"
      aria-labelledby="quality-heading"
      data-panel="quality"
      [attr.aria-busy]="catalog.model.isLoading()"
    >
      <h2 id="quality-heading">{{ t().model.qualityHeading }}</h2>
      <app-load-status
        [loading]="catalog.model.isLoading()"
        [error]="catalog.model.error()"
        (retry)="catalog.model.reload()"
      />
      @if (catalog.model.hasValue()) {
        <app-quality-panel [model]="catalog.model.value()" />
      }
    </section>

    <section class="card" aria-labelledby="fairness-heading">
      <h2 id="fairness-heading">{{ t().fairness.heading }}</h2>
      @if (catalog.model.hasValue()) {
        <app-fairness-panel [model]="catalog.model.value()" />
      }
    </section>

    <section class="card" aria-labelledby="referral-heading">
      <h2 id="referral-heading">{{ t().referral.heading }}</h2>
      <app-referral-panel />
    </section>

    <div class="model-grid">
      <section class="card" aria-labelledby="importance-heading">
        <h2 id="importance-heading">{{ t().model.importanceHeading }}</h2>
        <app-importance-panel />
      </section>

      <section class="card" aria-labelledby="dependence-heading">
        <h2 id="dependence-heading">{{ t().model.dependenceHeading }}</h2>
        <app-dependence-panel
          [feature]="dependenceFeature()"
          [colour]="color()"
          (featureChange)="setQuery({ feature: $event })"
          (colourChange)="setQuery({ color: $event || null })"
        />
      </section>

      <section class="card wide" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{{ t().model.summaryHeading }}</h2>
        <app-summary-panel />
      </section>
    </div>
  `,
})
export class ModelPage {
  protected readonly i18n = inject(I18n);
  protected readonly catalog = inject(ModelCatalog);
  private readonly router = inject(Router);
  protected readonly t = this.i18n.t;

  // Bound from the query string by the router.
  readonly feature = input<string>();
  readonly color = input<string>();

  protected readonly dependenceFeature = computed(() => this.feature() || 'EXT_SOURCE_3');

  protected setQuery(params: { feature?: string; color?: string | null }): void {
    void this.router.navigate([], { queryParams: params, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
