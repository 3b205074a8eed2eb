import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { Session } from '../auth/session';
import type { ModelList, ShadowComparisons } from '../core/api-types';
import { apiUrls } from '../core/octroi-api';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';
import { ModelsTable } from './models-table';
import { ShadowComparisonPanel } from './shadow-comparison-panel';

/**
 * The model bundles the deployment holds, which one decides (the champion) and which one scores in shadow (the
 * challenger), with their quality; administrators promote, shadow and roll back from here. Below, the challenger
 * against the champion on live applications.
 */
@Component({
  selector: 'app-models-page',
  imports: [LoadStatus, ModelsTable, ShadowComparisonPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().models.heading }}</h1>
    <p class="lead">{{ t().models.intro }}</p>

    <section class="card" aria-labelledby="bundles-heading" data-panel="models" [attr.aria-busy]="list.isLoading()">
      <h2 id="bundles-heading">{{ t().models.bundlesHeading }}</h2>
      <app-load-status [loading]="list.isLoading()" [error]="list.error()" (retry)="list.reload()" />
      @if (list.hasValue()) {
        <app-models-table [list]="list.value()" [admin]="admin()" (changed)="refresh()" />
      }
    </section>

    <section
      class="card"
      aria-labelledby="comparison-heading"
      data-panel="comparison"
      [attr.aria-busy]="comparison.isLoading()"
    >
      <h2 id="comparison-heading">{{ t().models.comparisonHeading }}</h2>
      <p class="hint">{{ t().models.comparisonIntro }}</p>
      <app-load-status [loading]="comparison.isLoading()" [error]="comparison.error()" (retry)="comparison.reload()" />
      @if (comparison.hasValue()) {
        @if (comparison.value().comparisons[0]; as shown) {
          <app-shadow-comparison-panel [comparison]="shown" />
        } @else {
          <p data-testid="no-shadow">{{ t().models.noShadow }}</p>
        }
      }
    </section>
  `,
})
export class ModelsPage {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly session = inject(Session);

  protected readonly admin = computed(() => this.session.user()?.role === 'admin');
  protected readonly list = httpResource<ModelList>(() => apiUrls.models());
  /** The current pair's comparison when there is a challenger, else the last one recorded. */
  protected readonly comparison = httpResource<ShadowComparisons>(() => {
    const list = this.list.hasValue() ? this.list.value() : undefined;
    return apiUrls.shadowComparison(list?.challenger ? { champion: list.champion, challenger: list.challenger } : {});
  });

  protected refresh(): void {
    this.list.reload();
  }
}
