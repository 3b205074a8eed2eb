import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';

import type { Population } from '../core/api-types';
import { ModelCatalog } from '../core/model-catalog';
import { apiUrls } from '../core/octroi-api';
import { HistogramChart } from '../shared/charts/histogram-chart';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';
import { FeatureSelect } from '../shared/ui/feature-select';

/** One chosen feature across all clients, repaid against defaulted, with this client's value marked. */
@Component({
  selector: 'app-population-panel',
  imports: [FeatureSelect, HistogramChart, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-busy]': 'population.isLoading()', 'data-panel': 'population' },
  template: `
    <app-feature-select
      selectId="population-feature"
      [label]="i18n.t().comparison.feature"
      [features]="catalog.features()"
      [value]="feature()"
      (selected)="featureChange.emit($event)"
    />
    <app-load-status [loading]="population.isLoading()" [error]="population.error()" (retry)="population.reload()" />
    @if (population.hasValue()) {
      <app-histogram-chart [population]="population.value()" />
    }
  `,
})
export class PopulationPanel {
  protected readonly i18n = inject(I18n);
  protected readonly catalog = inject(ModelCatalog);

  readonly clientId = input.required<number>();
  readonly feature = input.required<string>();
  readonly featureChange = output<string>();

  protected readonly population = httpResource<Population>(() =>
    apiUrls.population(this.feature(), this.clientId(), this.i18n.language()),
  );
}
