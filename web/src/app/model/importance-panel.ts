import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject } from '@angular/core';
import { BarChartModule, type DataItem } from '@swimlane/ngx-charts';

import type { GlobalImportance } from '../core/api-types';
import { apiUrls } from '../core/octroi-api';
import { DataTable } from '../shared/charts/data-table';
import { PALETTE } from '../shared/charts/palette';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';

const TOP = 15;
const POLL_MS = 2000;

/**
 * Mean |SHAP| per feature over all clients, as ngx-charts horizontal bars each labelled with its
 * value. While the explain service is still computing it, progress is shown and polled.
 */
@Component({
  selector: 'app-importance-panel',
  imports: [BarChartModule, DataTable, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-busy]': 'importance.isLoading() || computing()', 'data-panel': 'importance' },
  template: `
    <p class="hint">{{ t().model.importanceIntro }}</p>
    <app-load-status
      [loading]="importance.isLoading() || computing()"
      [loadingText]="computing() ? t().status.computing(i18n.percent(progress(), true)) : undefined"
      [error]="importance.error()"
      (retry)="importance.reload()"
    />
    @if (bars().length) {
      <figure>
        <figcaption class="visually-hidden">{{ t().model.importanceHeading }}</figcaption>
        <div
          tabindex="0"
          class="ngx-frame importance"
          [style.height.rem]="frameHeight()"
          role="img"
          [attr.aria-label]="ariaSummary()"
          [@.disabled]="true"
        >
          <ngx-charts-bar-horizontal
            aria-hidden="true"
            inert
            [results]="results()"
            [customColors]="barColour"
            [animations]="false"
            [tooltipDisabled]="true"
            [xAxis]="true"
            [yAxis]="true"
            [showXAxisLabel]="true"
            [xAxisLabel]="t().model.meanAbsShap"
            [xAxisTickFormatting]="formatNumber"
            [showDataLabel]="true"
            [dataLabelFormatting]="formatNumber"
            [wrapTicks]="true"
            [barPadding]="10"
            [roundEdges]="false"
          />
        </div>
        <app-data-table
          [summary]="t().model.showTable"
          [caption]="t().model.importanceHeading"
          [columns]="[t().reasons.feature, t().model.meanAbsShap]"
          [rows]="tableRows()"
        />
      </figure>
    }
  `,
})
export class ImportancePanel {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly importance = httpResource<GlobalImportance>(() => apiUrls.globalImportance(this.i18n.language()));

  protected readonly computing = computed(
    () => this.importance.hasValue() && this.importance.value().status === 'computing',
  );
  protected readonly progress = computed(() => (this.importance.hasValue() ? this.importance.value().progress : 0));

  protected readonly bars = computed(() => {
    if (!this.importance.hasValue()) return [];
    const features = [...this.importance.value().features].sort((a, b) => b.meanAbsShap - a.meanAbsShap).slice(0, TOP);
    return features.map((f) => ({ feature: f.feature, label: f.label, value: f.meanAbsShap }));
  });

  /** The bars in ngx-charts' shape, largest first; feature labels are unique, so they name the bars. */
  protected readonly results = computed<DataItem[]>(() => this.bars().map((b) => ({ name: b.label, value: b.value })));
  /**
   * Room for two lines of label per bar (ngx-charts wraps long feature names only when a bar is
   * that tall; the table gives them whole), plus the axis.
   */
  protected readonly frameHeight = computed(() => 4 + this.bars().length * 2.6);
  protected readonly barColour = () => PALETTE.brand;
  protected readonly formatNumber = (value: number) => this.i18n.number(value);

  protected readonly ariaSummary = computed(() =>
    this.bars()
      .slice(0, 3)
      .map((b) => `${b.label} ${this.i18n.number(b.value)}`)
      .join(', '),
  );

  protected readonly tableRows = computed(() => this.bars().map((b) => [b.label, this.i18n.number(b.value)]));

  constructor() {
    // The explain service computes the global importance in the background: ask again until it is ready.
    let timer: ReturnType<typeof setTimeout> | undefined;
    effect(() => {
      clearTimeout(timer);
      if (this.computing()) timer = setTimeout(() => this.importance.reload(), POLL_MS);
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(timer));
  }
}
