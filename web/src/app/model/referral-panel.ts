import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { BarChartModule, type DataItem } from '@swimlane/ngx-charts';

import type { ReferralBandReport } from '../core/api-types';
import { apiUrls } from '../core/octroi-api';
import { DataTable } from '../shared/charts/data-table';
import { PALETTE } from '../shared/charts/palette';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';

/**
 * The referral band of the lender's policy, on all clients: how many an officer decides, and what deciding them
 * automatically would cost in the lender's cost units. The chart gives the expected cost of automatic decisions
 * per probability bin around the threshold, the band's bins set apart; the table gives the figures.
 */
@Component({
  selector: 'app-referral-panel',
  imports: [BarChartModule, DataTable, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-busy]': 'report.isLoading()', 'data-panel': 'referral' },
  template: `
    <app-load-status [loading]="report.isLoading()" [error]="report.error()" (retry)="report.reload()" />
    @if (report.hasValue()) {
      @let r = report.value();
      @if (r.band > 0) {
        <p data-testid="referral-summary">
          {{
            t().referral.summary(
              i18n.points(r.band).replace('+', ''),
              i18n.percent(r.threshold),
              i18n.number(r.referred.clients, 'integer'),
              i18n.percent(r.referred.share),
              i18n.number(r.clients, 'integer')
            )
          }}
        </p>
        <p data-testid="referral-cost">
          {{
            t().referral.cost(
              i18n.number(r.referred.expectedCost, 'integer'),
              i18n.number(r.referred.expectedCost / (r.referred.clients || 1)),
              i18n.number(r.costFalseNegative),
              i18n.number(r.costFalsePositive)
            )
          }}
        </p>
        <figure>
          <figcaption>{{ t().referral.chartCaption }}</figcaption>
          <ul class="legend" aria-hidden="true">
            <li><span class="swatch referred"></span>{{ t().referral.inBand }}</li>
            <li><span class="swatch outside"></span>{{ t().referral.outsideBand }}</li>
          </ul>
          <div tabindex="0" class="ngx-frame" role="img" [attr.aria-label]="ariaSummary()" [@.disabled]="true">
            <ngx-charts-bar-vertical
              aria-hidden="true"
              inert
              [results]="bars()"
              [customColors]="barColour"
              [animations]="false"
              [tooltipDisabled]="true"
              [xAxis]="true"
              [yAxis]="true"
              [showXAxisLabel]="true"
              [showYAxisLabel]="true"
              [xAxisLabel]="t().referral.xAxis"
              [yAxisLabel]="t().referral.yAxis"
              [yAxisTickFormatting]="formatNumber"
              [rotateXAxisTicks]="false"
              [barPadding]="2"
              [roundEdges]="false"
            />
          </div>
          <app-data-table
            [summary]="t().model.showTable"
            [caption]="t().referral.chartCaption"
            [columns]="[t().referral.range, t().referral.clients, t().referral.expectedCost, t().referral.inBandColumn]"
            [rows]="tableRows()"
          />
        </figure>
      } @else {
        <p>{{ t().referral.noBand }}</p>
      }
    }
  `,
})
export class ReferralPanel {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly report = httpResource<ReferralBandReport>(() => apiUrls.referralBand());

  private readonly bins = computed(() => (this.report.hasValue() ? this.report.value().bins : []));
  private rangeOf(bin: { from: number; to: number }): string {
    return `${this.i18n.percent(bin.from)} – ${this.i18n.percent(bin.to)}`;
  }

  protected readonly bars = computed<DataItem[]>(() =>
    this.bins().map((bin) => ({ name: this.i18n.percent(bin.from), value: bin.expectedCost, extra: bin.referred })),
  );
  protected readonly barColour = (name: string) =>
    this.bins().find((bin) => this.i18n.percent(bin.from) === name)?.referred ? PALETTE.referred : PALETTE.muted;
  protected readonly formatNumber = (value: number) => this.i18n.number(value, 'integer');

  protected readonly ariaSummary = computed(() => {
    if (!this.report.hasValue()) return '';
    const r = this.report.value();
    return this.t().referral.ariaSummary(this.i18n.number(r.referred.expectedCost, 'integer'));
  });

  protected readonly tableRows = computed(() =>
    this.bins().map((bin) => [
      this.rangeOf(bin),
      this.i18n.number(bin.clients, 'integer'),
      this.i18n.number(bin.expectedCost, 'integer'),
      bin.referred ? this.t().referral.yes : this.t().referral.no,
    ]),
  );
}
