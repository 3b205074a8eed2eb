import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { BarChartModule, type DataItem } from '@swimlane/ngx-charts';

import type { DecisionMixReport, GroupApproval } from '../core/api-types';
import { DataTable } from '../shared/charts/data-table';
import { PALETTE } from '../shared/charts/palette';
import { niceTicks } from '../shared/charts/scale';
import { I18n } from '../shared/i18n/i18n';
import { share } from './monitoring-figures';

/** The approval rate of live decisions by declared gender and by age band, as bars with their table. */
@Component({
  selector: 'app-group-approval-panel',
  imports: [BarChartModule, DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="hint">{{ t().monitoring.groupsIntro }}</p>
    <div class="model-grid">
      @for (chart of charts(); track chart.key) {
        <figure [attr.data-testid]="'approval-' + chart.key">
          <figcaption>{{ chart.title }}</figcaption>
          <div
            tabindex="0"
            class="ngx-frame histogram"
            role="img"
            [attr.aria-label]="chart.sentence"
            [@.disabled]="true"
          >
            <ngx-charts-bar-vertical
              aria-hidden="true"
              inert
              [results]="chart.bars"
              [customColors]="brand"
              [animations]="false"
              [tooltipDisabled]="true"
              [xAxis]="true"
              [yAxis]="true"
              [showXAxisLabel]="true"
              [showYAxisLabel]="true"
              [xAxisLabel]="chart.axis"
              [yAxisLabel]="t().monitoring.approvalRate"
              [yAxisTicks]="yTicks"
              [yAxisTickFormatting]="percentTick"
              [yScaleMax]="1"
              [showDataLabel]="true"
              [dataLabelFormatting]="percentTick"
              [roundEdges]="false"
            />
          </div>
          <app-data-table
            [summary]="t().model.showTable"
            [caption]="chart.title"
            [columns]="[chart.axis, t().monitoring.decisions, t().monitoring.granted, t().monitoring.approvalRate]"
            [rows]="chart.rows"
          />
        </figure>
      }
    </div>
  `,
})
export class GroupApprovalPanel {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly report = input.required<DecisionMixReport>();

  protected readonly yTicks = niceTicks(0, 1, 4);
  protected readonly brand = () => PALETTE.brand;
  protected readonly percentTick = (value: number) => this.i18n.percent(value, true);

  private genderLabel(group: string): string {
    return group === 'unknown' ? this.t().monitoring.unknown : this.i18n.category(group);
  }
  private ageLabel(group: string): string {
    return (this.t().monitoring.ageBands as Record<string, string>)[group] ?? group;
  }

  protected readonly charts = computed(() => {
    const t = this.t().monitoring;
    const chart = (key: string, title: string, axis: string, groups: GroupApproval[], label: (g: string) => string) => {
      const rated = groups.map((g) => ({ ...g, label: label(g.group), rate: share(g.granted, g.decisions) }));
      const bars: DataItem[] = rated.map((g) => ({ name: g.label, value: g.rate ?? 0 }));
      return {
        key,
        title,
        axis,
        bars,
        sentence: t.groupSummary(rated.map((g) => `${g.label} ${this.i18n.percent(g.rate)}`).join(', ')),
        rows: rated.map((g) => [
          g.label,
          this.i18n.number(g.decisions, 'integer'),
          this.i18n.number(g.granted, 'integer'),
          this.i18n.percent(g.rate),
        ]),
      };
    };
    return [
      chart('gender', t.byGender, t.gender, this.report().byGender, (g) => this.genderLabel(g)),
      chart('age', t.byAge, t.ageBand, this.report().byAgeBand, (g) => this.ageLabel(g)),
    ];
  });
}
