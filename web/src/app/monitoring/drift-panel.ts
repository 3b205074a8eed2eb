import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';

import type { DriftReport, DriftStatus, MonitoringWindow } from '../core/api-types';
import { ModelCatalog } from '../core/model-catalog';
import { apiUrls } from '../core/octroi-api';
import { DataTable } from '../shared/charts/data-table';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';
import { DriftDetail } from './drift-detail';
import { driftBars, statusCounts } from './monitoring-figures';
import { StabilityBars } from './stability-bars';

const TOP = 15;

/**
 * The population stability index of the score and of every model feature over the window: the variables that
 * depart most as bars (coloured by status, the status also in words), every variable in the table, and one
 * variable's distribution in detail, chosen in the query string.
 */
@Component({
  selector: 'app-drift-panel',
  imports: [DataTable, LoadStatus, DriftDetail, StabilityBars],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-busy]': 'drift.isLoading()', 'data-panel': 'drift' },
  template: `
    <p class="hint">{{ t().monitoring.driftIntro }}</p>
    <app-load-status [loading]="drift.isLoading()" [error]="drift.error()" (retry)="drift.reload()" />
    @if (drift.hasValue()) {
      @let report = drift.value();
      @if (report.modelVersion === null) {
        <p data-testid="drift-summary">{{ t().monitoring.noDecision }}</p>
      } @else {
        <p data-testid="drift-summary">
          {{ t().monitoring.driftSummary(i18n.number(report.applications, 'integer'), report.modelVersion) }}
          {{
            report.applications < report.thresholds.minimumApplications
              ? t().monitoring.tooFew(i18n.number(report.thresholds.minimumApplications, 'integer'))
              : t().monitoring.driftCounts(counts().act, counts().watch)
          }}
        </p>
      }
      @if (bars().length) {
        <figure>
          <figcaption>{{ t().monitoring.topHeading(bars().length) }}</figcaption>
          <app-stability-bars
            [bars]="bars()"
            [thresholds]="thresholds()"
            [axisLabel]="t().monitoring.stabilityIndex"
            [ariaLabel]="ariaSummary()"
          />
          <p class="hint">{{ t().monitoring.thresholdsNote }}</p>
          <app-data-table
            [summary]="t().monitoring.showTable"
            [caption]="t().monitoring.allVariables"
            [columns]="[
              t().monitoring.variable,
              t().monitoring.stabilityIndex,
              t().monitoring.status,
              t().monitoring.applications,
            ]"
            [rows]="tableRows()"
          />
        </figure>
        <h3>{{ t().monitoring.detailHeading }}</h3>
        <div class="field">
          <label for="drift-variable">{{ t().monitoring.detailVariable }}</label>
          <select #select id="drift-variable" (change)="variableChange.emit(select.value)">
            @for (option of options(); track option.name) {
              <option [value]="option.name" [selected]="option.name === shownVariable()">{{ option.label }}</option>
            }
          </select>
        </div>
        <app-drift-detail
          [variable]="shownVariable()"
          [label]="labelOf(shownVariable())"
          [window]="window()"
          [modelVersion]="report.modelVersion ?? undefined"
        />
      }
    }
  `,
})
export class DriftPanel {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly catalog = inject(ModelCatalog);

  readonly window = input.required<MonitoringWindow>();
  /** The variable shown in detail (query string); the one departing most by default. */
  readonly variable = input<string>();
  readonly variableChange = output<string>();

  protected readonly drift = httpResource<DriftReport>(() => apiUrls.drift(this.window()));

  protected readonly labelOf = (name: string) =>
    name === 'score' ? this.t().monitoring.score : this.catalog.labelOf(name);
  protected readonly statusOf = (status: DriftStatus) => this.t().monitoring.statuses[status];

  private readonly variables = computed(() => (this.drift.hasValue() ? this.drift.value().variables : []));
  protected readonly counts = computed(() =>
    this.drift.hasValue() ? statusCounts(this.drift.value()) : { stable: 0, watch: 0, act: 0, 'too-few': 0 },
  );
  protected readonly bars = computed(() => driftBars(this.variables(), this.labelOf, TOP));

  protected readonly thresholds = computed(() => {
    const thresholds = this.drift.hasValue() ? this.drift.value().thresholds : { warn: 0.1, act: 0.25 };
    return [thresholds.warn, thresholds.act];
  });
  protected readonly ariaSummary = computed(() =>
    this.bars()
      .slice(0, 3)
      .map((bar) => `${bar.label} ${this.i18n.number(bar.value)} (${this.statusOf(bar.status)})`)
      .join(', '),
  );

  protected readonly tableRows = computed(() =>
    this.variables().map((variable) => [
      this.labelOf(variable.name),
      this.i18n.number(variable.stabilityIndex),
      this.statusOf(variable.status),
      this.i18n.number(variable.applications, 'integer'),
    ]),
  );

  protected readonly options = computed(() =>
    this.variables().map((variable) => ({ name: variable.name, label: this.labelOf(variable.name) })),
  );
  protected readonly shownVariable = computed(() => {
    const chosen = this.variable();
    return chosen && this.variables().some((v) => v.name === chosen) ? chosen : (this.bars()[0]?.name ?? 'score');
  });
}
