import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BarChartModule, type DataItem } from '@swimlane/ngx-charts';

import type { Decision, ShadowComparison } from '../core/api-types';
import { DataTable } from '../shared/charts/data-table';
import { PALETTE } from '../shared/charts/palette';
import { niceDomain, niceTicks } from '../shared/charts/scale';
import { I18n } from '../shared/i18n/i18n';
import { DecisionBadge } from '../shared/ui/decision-badge';

const DECISIONS: readonly Decision[] = ['granted', 'referred', 'refused'];

/**
 * The challenger against the champion on the same live applications: how often they decide alike (a table of the
 * two decisions), how far apart their scores are (a histogram in percentage points), and the applications the
 * challenger would have decided otherwise.
 */
@Component({
  selector: 'app-shadow-comparison-panel',
  imports: [BarChartModule, DataTable, DecisionBadge, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p data-testid="shadow-summary">{{ summary() }}</p>
    <div class="model-grid">
      <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t().tableOf(t().models.crossCaption)">
        <table data-testid="shadow-decisions">
          <caption>
            {{
              t().models.crossCaption
            }}
          </caption>
          <thead>
            <tr>
              <td></td>
              @for (decision of decisions; track decision) {
                <th scope="col">{{ i18n.labelled(t().models.challengerShort, shortDecision(decision)) }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of cross(); track row.decision) {
              <tr>
                <th scope="row">{{ i18n.labelled(t().models.championShort, shortDecision(row.decision)) }}</th>
                @for (count of row.counts; track $index) {
                  <td>{{ i18n.number(count, 'integer') }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
      <figure>
        <figcaption>{{ t().models.differencesCaption }}</figcaption>
        <div tabindex="0" class="ngx-frame histogram" role="img" [attr.aria-label]="summary()" [@.disabled]="true">
          <ngx-charts-bar-vertical
            aria-hidden="true"
            inert
            [results]="bars()"
            [customColors]="brand"
            [animations]="false"
            [tooltipDisabled]="true"
            [xAxis]="true"
            [yAxis]="true"
            [showXAxisLabel]="true"
            [showYAxisLabel]="true"
            [xAxisLabel]="t().models.differenceAxis"
            [yAxisLabel]="t().models.applicationsAxis"
            [xAxisTicks]="xTicks()"
            [yAxisTicks]="yTicks()"
            [yScaleMax]="yTop()"
            [barPadding]="1"
            [roundEdges]="false"
          />
        </div>
        <app-data-table
          [summary]="t().model.showTable"
          [caption]="t().models.differencesCaption"
          [columns]="[t().models.differenceAxis, t().models.applicationsAxis]"
          [rows]="differenceRows()"
        />
      </figure>
    </div>
    <h3>{{ t().models.changesHeading }}</h3>
    @if (changes().length === 0) {
      <p>{{ t().models.noChange }}</p>
    } @else {
      <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t().tableOf(t().models.changesHeading)">
        <table data-testid="shadow-changes">
          <caption>
            {{
              t().models.changesCaption(changes().length)
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ t().models.application }}</th>
              <th scope="col">{{ t().models.championShort }}</th>
              <th scope="col">{{ t().models.challengerShort }}</th>
              <th scope="col">{{ t().models.time }}</th>
            </tr>
          </thead>
          <tbody>
            @for (change of changes(); track $index) {
              <tr>
                <th scope="row">
                  @if (change.clientId !== null) {
                    <a [routerLink]="['/', i18n.language(), 'clients', change.clientId]">{{
                      t().models.client(change.clientId)
                    }}</a>
                  } @else {
                    {{ t().models.newApplication }}
                  }
                </th>
                <td>
                  <app-decision-badge [decision]="change.champion.decision" [short]="true" />
                  {{ i18n.percent(change.champion.probabilityOfDefault) }}
                </td>
                <td>
                  <app-decision-badge [decision]="change.challenger.decision" [short]="true" />
                  {{ i18n.percent(change.challenger.probabilityOfDefault) }}
                </td>
                <td>{{ time(change.time) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class ShadowComparisonPanel {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly decisions = DECISIONS;

  readonly comparison = input.required<ShadowComparison>();

  /** The latest few: each is a link, and a page of links is hard to walk with the keyboard. */
  protected readonly changes = computed(() => this.comparison().changes.slice(0, 10));

  protected shortDecision(decision: Decision): string {
    const words = this.t().decision;
    return { granted: words.grantedShort, referred: words.referredShort, refused: words.refusedShort }[decision];
  }

  protected readonly summary = computed(() => {
    const c = this.comparison();
    return this.t().models.shadowSummary(
      c.challenger,
      c.champion,
      this.i18n.number(c.applications, 'integer'),
      this.i18n.percent(c.agreement),
      c.meanDifference === null ? '–' : this.i18n.points(c.meanDifference),
    );
  });

  /** One row per champion decision, one column per challenger decision. */
  protected readonly cross = computed(() =>
    DECISIONS.map((decision) => ({
      decision,
      counts: DECISIONS.map(
        (other) =>
          this.comparison().decisions.find((d) => d.champion === decision && d.challenger === other)?.count ?? 0,
      ),
    })),
  );

  private binLabel(bin: ShadowComparison['differences'][number]): string {
    const points = (value: number) => this.i18n.number(value, 'decimal');
    if (bin.from === null) return `< ${points(bin.to!)}`;
    if (bin.to === null) return `≥ ${points(bin.from)}`;
    return `${points(bin.from)} – ${points(bin.to)}`;
  }

  /** The bins from the first to the last that hold an application, so the chart shows where the differences are. */
  private readonly shownBins = computed(() => {
    const bins = this.comparison().differences;
    const first = bins.findIndex((bin) => bin.count > 0);
    const last = bins.length - 1 - [...bins].reverse().findIndex((bin) => bin.count > 0);
    return first < 0 ? [] : bins.slice(Math.max(0, first - 1), Math.min(bins.length, last + 2));
  });
  protected readonly bars = computed<DataItem[]>(() =>
    this.shownBins().map((bin) => ({ name: this.binLabel(bin), value: bin.count })),
  );
  protected readonly xTicks = computed(() => {
    const every = Math.max(1, Math.ceil(this.bars().length / 6));
    return this.bars()
      .filter((_, i) => i % every === 0)
      .map((bar) => bar.name);
  });
  protected readonly yTop = computed(() => niceDomain(0, Math.max(1, ...this.bars().map((bar) => bar.value)), 4)[1]);
  protected readonly yTicks = computed(() => niceTicks(0, this.yTop(), 4));
  protected readonly brand = () => PALETTE.brand;

  protected readonly differenceRows = computed(() =>
    this.shownBins().map((bin) => [this.binLabel(bin), this.i18n.number(bin.count, 'integer')]),
  );

  private readonly timeFormat = computed(
    () => new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'short', timeStyle: 'short' }),
  );
  protected time(value: string): string {
    return this.timeFormat().format(new Date(value));
  }
}
