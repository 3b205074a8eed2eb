import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import type { ShapSummary } from '../core/api-types';
import { apiUrls } from '../core/octroi-api';
import { BeeswarmChart } from '../shared/charts/beeswarm-chart';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';

@Component({
  selector: 'app-summary-panel',
  imports: [BeeswarmChart, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-busy]': 'summary.isLoading()', 'data-panel': 'summary' },
  template: `
    <app-load-status [loading]="summary.isLoading()" [error]="summary.error()" (retry)="summary.reload()" />
    @if (summary.hasValue()) {
      <app-beeswarm-chart [summary]="summary.value()" />
    }
  `,
})
export class SummaryPanel {
  private readonly i18n = inject(I18n);
  protected readonly summary = httpResource<ShapSummary>(() => apiUrls.summary(this.i18n.language(), 15, 500));
}
