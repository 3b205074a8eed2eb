import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';

import type { OverrideTally, OverridesReport } from '../core/api-types';
import { apiUrls } from '../core/octroi-api';
import { DataTable } from '../shared/charts/data-table';
import { TimeSeriesChart, type TimeSeries } from '../shared/charts/time-series-chart';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';

export const OVERRIDE_PERIODS = [4, 12, 26, 52] as const;
const DEFAULT_WEEKS = 12;
const WEEK_MS = 7 * 86_400_000;

/**
 * For administrators: how often officers override the model, week by week (chart and table), by officer and by
 * reason. The period (in weeks) is in the query string.
 */
@Component({
  selector: 'app-overrides-page',
  imports: [LoadStatus, TimeSeriesChart, DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let words = t().overrides;
    <h1>{{ words.heading }}</h1>
    <p class="lead">{{ words.intro }}</p>
    <div class="field">
      <label for="override-weeks">{{ words.weeks }}</label>
      <select #select id="override-weeks" (change)="setWeeks(select.value)">
        @for (option of periods; track option) {
          <option [value]="option" [selected]="option === shownWeeks()">{{ words.weeksOption(option) }}</option>
        }
      </select>
    </div>
    <section
      class="card"
      aria-labelledby="overrides-chart-heading"
      data-panel="overrides"
      [attr.aria-busy]="report.isLoading()"
    >
      <h2 id="overrides-chart-heading">{{ words.chartHeading }}</h2>
      <app-load-status [loading]="report.isLoading()" [error]="report.error()" (retry)="report.reload()" />
      @if (report.hasValue()) {
        <p data-testid="overrides-total">{{ totalSentence() }}</p>
        <app-time-series-chart
          [series]="series()"
          [from]="span().from"
          [to]="span().to"
          [tickTimes]="span().ticks"
          [spansDays]="true"
          [xLabel]="words.weekAxis"
          [yLabel]="words.rateAxis"
          [ariaLabel]="words.chartHeading + '. ' + totalSentence()"
        >
          <figcaption class="visually-hidden">{{ words.chartHeading }}</figcaption>
          <app-data-table
            [summary]="t().model.showTable"
            [caption]="words.byWeekHeading"
            [columns]="[words.week, words.decisions, words.overridesCount, words.rate]"
            [rows]="weekRows()"
          />
        </app-time-series-chart>
      }
    </section>
    @if (report.hasValue()) {
      @for (table of groupTables(); track table.key) {
        <section class="card" [attr.aria-labelledby]="table.key + '-heading'">
          <h2 [id]="table.key + '-heading'">{{ table.heading }}</h2>
          @if (table.rows.length) {
            <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t().tableOf(table.heading)">
              <table [attr.data-testid]="table.key">
                <caption class="visually-hidden">
                  {{
                    table.heading
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ table.group }}</th>
                    <th scope="col" class="num">{{ words.decisions }}</th>
                    <th scope="col" class="num">{{ words.overridesCount }}</th>
                    <th scope="col" class="num">{{ words.rate }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of table.rows; track row[0]) {
                    <tr>
                      <th scope="row">{{ row[0] }}</th>
                      <td class="num">{{ row[1] }}</td>
                      <td class="num">{{ row[2] }}</td>
                      <td class="num">{{ row[3] }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          } @else {
            <p>{{ words.none }}</p>
          }
        </section>
      }
    }
  `,
})
export class OverridesPage {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly router = inject(Router);

  // Bound from the query string by the router.
  readonly weeks = input<string>();

  protected readonly periods = OVERRIDE_PERIODS;
  protected readonly shownWeeks = computed(() => {
    const weeks = Number(this.weeks());
    return (OVERRIDE_PERIODS as readonly number[]).includes(weeks) ? weeks : DEFAULT_WEEKS;
  });
  protected readonly report = httpResource<OverridesReport>(() => apiUrls.overrides(this.shownWeeks()));

  /** The rate for each week with officer decisions; a week without any has no rate and no point. */
  protected readonly series = computed<TimeSeries[]>(() => [
    {
      key: 'override-rate',
      label: this.t().overrides.rateLabel,
      points: this.weeksOf().flatMap((week) =>
        week.decisions ? [{ time: Date.parse(week.group) + WEEK_MS / 2, value: week.rate }] : [],
      ),
    },
  ]);
  /** From the first Monday to the end of this week, a tick on each Monday (every other one past 12 weeks). */
  protected readonly span = computed(() => {
    const mondays = this.weeksOf().map((week) => Date.parse(week.group));
    const every = Math.ceil(mondays.length / 12);
    return {
      from: mondays[0] ?? 0,
      to: (mondays.at(-1) ?? 0) + WEEK_MS,
      ticks: mondays.filter((_, i) => i % every === 0),
    };
  });

  protected readonly totalSentence = computed(() => {
    const report = this.report.hasValue() ? this.report.value() : undefined;
    if (!report) return '';
    return this.t().overrides.total(
      this.i18n.number(report.decisions, 'integer'),
      this.i18n.number(report.overrides, 'integer'),
      this.i18n.percent(report.rate),
    );
  });

  protected readonly weekRows = computed(() =>
    [...this.weeksOf()].reverse().map((week) => this.row(this.i18n.date(week.group), week)),
  );
  protected readonly groupTables = computed(() => {
    const report = this.report.hasValue() ? this.report.value() : undefined;
    const words = this.t().overrides;
    const reasons = this.t().officer.reasons as Record<string, string>;
    return [
      {
        key: 'overrides-by-officer',
        heading: words.byOfficerHeading,
        group: words.officer,
        rows: (report?.byOfficer ?? []).map((tally) => this.row(tally.group, tally)),
      },
      {
        key: 'overrides-by-reason',
        heading: words.byReasonHeading,
        group: words.reason,
        rows: (report?.byReason ?? []).map((tally) => this.row(reasons[tally.group] ?? tally.group, tally)),
      },
    ];
  });

  private weeksOf(): OverrideTally[] {
    return this.report.hasValue() ? this.report.value().byWeek : [];
  }

  private row(label: string, tally: OverrideTally): string[] {
    return [
      label,
      this.i18n.number(tally.decisions, 'integer'),
      this.i18n.number(tally.overrides, 'integer'),
      tally.decisions ? this.i18n.percent(tally.rate) : '–',
    ];
  }

  protected setWeeks(weeks: string): void {
    void this.router.navigate([], { queryParams: { weeks }, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
