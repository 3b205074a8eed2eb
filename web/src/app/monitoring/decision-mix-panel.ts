import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { DecisionMixReport, MonitoringWindow } from '../core/api-types';
import { DataTable } from '../shared/charts/data-table';
import { TimeSeriesChart, type TimeSeries } from '../shared/charts/time-series-chart';
import { I18n } from '../shared/i18n/i18n';
import { mixRates } from './monitoring-figures';

/** The shares of granted, referred and overridden decisions, period by period over the window. */
@Component({
  selector: 'app-decision-mix-panel',
  imports: [TimeSeriesChart, DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="hint">{{ t().monitoring.mixIntro }}</p>
    <p data-testid="mix-total">{{ totalSentence() }}</p>
    <app-time-series-chart
      [series]="series()"
      [from]="span().from"
      [to]="span().to"
      [xLabel]="t().monitoring.time"
      [yLabel]="t().monitoring.shareOfDecisions"
      [ariaLabel]="totalSentence()"
      [spansDays]="window() === '7d'"
    >
      <figcaption class="visually-hidden">{{ t().monitoring.mixHeading }}</figcaption>
      <app-data-table
        [summary]="t().model.showTable"
        [caption]="t().monitoring.mixHeading"
        [columns]="columns()"
        [rows]="tableRows()"
      />
    </app-time-series-chart>
  `,
})
export class DecisionMixPanel {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly report = input.required<DecisionMixReport>();
  readonly window = input.required<MonitoringWindow>();

  /** One line per rate; periods without a decision have no rate and no point. */
  protected readonly series = computed<TimeSeries[]>(() => {
    const t = this.t().monitoring;
    const line = (key: 'approval' | 'referral' | 'override', label: string): TimeSeries => ({
      key,
      label,
      points: this.report().series.flatMap((point) => {
        const value = mixRates(point)[key];
        const middle = (Date.parse(point.from) + Date.parse(point.to)) / 2;
        return value === null ? [] : [{ time: middle, value }];
      }),
    });
    return [line('approval', t.approval), line('referral', t.referral), line('override', t.override)];
  });

  /** The window the periods cover, from the start of the first to the end of the last. */
  protected readonly span = computed(() => {
    const { series } = this.report();
    return { from: Date.parse(series[0]?.from ?? ''), to: Date.parse(series.at(-1)?.to ?? '') };
  });

  protected readonly totalSentence = computed(() => {
    const { total } = this.report();
    const rates = mixRates(total);
    return this.t().monitoring.mixTotal(
      this.i18n.number(total.decisions, 'integer'),
      this.i18n.percent(rates.approval),
      this.i18n.percent(rates.referral),
      this.i18n.percent(rates.override),
    );
  });

  protected readonly columns = computed(() => {
    const t = this.t().monitoring;
    return [t.period, t.decisions, t.approval, t.referral, t.refusal, t.override];
  });

  private readonly periodFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.i18n.locale(), {
        ...(this.window() === '7d' ? { day: 'numeric', month: 'short' } : {}),
        hour: '2-digit',
        minute: '2-digit',
      }),
  );

  /** Every period, newest first, those without decisions included. */
  protected readonly tableRows = computed(() =>
    [...this.report().series].reverse().map((point) => {
      const rates = mixRates(point);
      return [
        `${this.periodFormat().format(new Date(point.from))} – ${this.periodFormat().format(new Date(point.to))}`,
        this.i18n.number(point.decisions, 'integer'),
        this.i18n.percent(rates.approval),
        this.i18n.percent(rates.referral),
        this.i18n.percent(rates.refusal),
        this.i18n.percent(rates.override),
      ];
    }),
  );
}
