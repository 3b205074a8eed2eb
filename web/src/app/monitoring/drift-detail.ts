import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { BarChartModule, type Series } from '@swimlane/ngx-charts';

import type { MonitoringWindow, VariableDriftDetail } from '../core/api-types';
import { apiUrls } from '../core/octroi-api';
import { DataTable } from '../shared/charts/data-table';
import { niceDomain, niceTicks } from '../shared/charts/scale';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';

/** Inner series names, never shown: they pick each bar's fill. */
const TRAINING = 'training';
const LIVE = 'live';

/**
 * One variable's live shares beside its training shares, bin by bin (ngx-charts grouped bars). Live bars are
 * hatched, so the two populations differ by more than colour.
 */
@Component({
  selector: 'app-drift-detail',
  imports: [BarChartModule, DataTable, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-busy]': 'detail.isLoading()', 'data-panel': 'drift-detail' },
  template: `
    <app-load-status [loading]="detail.isLoading()" [error]="detail.error()" (retry)="detail.reload()" />
    @if (detail.hasValue()) {
      <figure>
        <figcaption>{{ t().monitoring.detailCaption(label()) }}</figcaption>
        <ul class="legend" aria-hidden="true">
          <li><span class="swatch training"></span>{{ t().monitoring.training }}</li>
          <li><span class="swatch live"></span>{{ t().monitoring.live }}</li>
        </ul>
        <svg class="pattern-defs" aria-hidden="true" focusable="false">
          <defs>
            <pattern id="hatch-live" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="5" height="5" class="live-fill" />
              <line x1="0" y1="0" x2="0" y2="5" class="hatch-line" />
            </pattern>
          </defs>
        </svg>
        <div tabindex="0" class="ngx-frame histogram" role="img" [attr.aria-label]="sentence()" [@.disabled]="true">
          <ngx-charts-bar-vertical-2d
            aria-hidden="true"
            inert
            [results]="groups()"
            [customColors]="fillOf"
            [animations]="false"
            [tooltipDisabled]="true"
            [xAxis]="true"
            [yAxis]="true"
            [showXAxisLabel]="true"
            [showYAxisLabel]="true"
            [xAxisLabel]="t().monitoring.bin"
            [yAxisLabel]="t().monitoring.shareOfApplications"
            [xAxisTicks]="ticks()"
            [yAxisTicks]="yTicks()"
            [yAxisTickFormatting]="percentTick"
            [yScaleMax]="yTop()"
            [groupPadding]="groups().length > 12 ? 4 : 12"
            [barPadding]="1"
            [roundEdges]="false"
            [rotateXAxisTicks]="false"
            [trimXAxisTicks]="true"
            [maxXAxisTickLength]="12"
          />
        </div>
        <p>{{ sentence() }}</p>
        <app-data-table
          [summary]="t().monitoring.showTable"
          [caption]="t().monitoring.detailCaption(label())"
          [columns]="[t().monitoring.bin, t().monitoring.training, t().monitoring.live]"
          [rows]="tableRows()"
        />
      </figure>
    }
  `,
})
export class DriftDetail {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly variable = input.required<string>();
  readonly label = input.required<string>();
  readonly window = input.required<MonitoringWindow>();
  readonly modelVersion = input<string>();

  protected readonly detail = httpResource<VariableDriftDetail>(() =>
    apiUrls.variableDrift(this.variable(), this.window(), this.modelVersion()),
  );

  private readonly bins = computed(() => (this.detail.hasValue() ? this.detail.value().bins : []));

  /** A bin in words: its category, its range, or "missing"; unique, so it names the group of bars. */
  protected binLabel(bin: VariableDriftDetail['bins'][number]): string {
    if (bin.category !== null) return this.i18n.category(bin.category);
    if (bin.from === null || bin.to === null) return this.t().monitoring.missing;
    const value = (v: number) => (Math.abs(v) >= 10_000 ? this.i18n.number(v, 'compact') : this.i18n.number(v));
    return `${value(bin.from)} – ${value(bin.to)}`;
  }

  protected readonly groups = computed<Series[]>(() =>
    this.bins().map((bin, i) => ({
      name: `${this.binLabel(bin)}${'\u200b'.repeat(i)}`, // zero-width marks keep equal labels apart
      series: [
        { name: TRAINING, value: bin.training },
        { name: LIVE, value: bin.live ?? 0 },
      ],
    })),
  );
  /** About six labelled bins under the axis; the table names them all. */
  protected readonly ticks = computed(() => {
    const every = Math.max(1, Math.ceil(this.groups().length / 6));
    return this.groups()
      .filter((_, i) => i % every === 0)
      .map((group) => group.name);
  });
  protected readonly fillOf = (name: string) => (name === LIVE ? 'url(#hatch-live)' : '#1d3a6e');
  protected readonly percentTick = (value: number) => this.i18n.percent(value, true);
  protected readonly yTop = computed(
    () => niceDomain(0, Math.max(0.01, ...this.bins().flatMap((b) => [b.training, b.live ?? 0])), 4)[1],
  );
  protected readonly yTicks = computed(() => niceTicks(0, this.yTop(), 4));

  protected readonly sentence = computed(() => {
    if (!this.detail.hasValue()) return '';
    const detail = this.detail.value();
    return this.t().monitoring.detailSummary(
      this.label(),
      this.i18n.number(detail.stabilityIndex),
      this.t().monitoring.statuses[detail.status].toLowerCase(),
    );
  });

  protected readonly tableRows = computed(() =>
    this.bins().map((bin) => [this.binLabel(bin), this.i18n.percent(bin.training), this.i18n.percent(bin.live)]),
  );
}
