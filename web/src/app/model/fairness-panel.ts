import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { BarChartModule, type Series } from '@swimlane/ngx-charts';

import type { ModelInfo } from '../core/api-types';
import { DataTable } from '../shared/charts/data-table';
import { PALETTE } from '../shared/charts/palette';
import { I18n } from '../shared/i18n/i18n';
import { readFairness, type FairnessAttribute, type FairnessGroup } from './model-metrics';

type Source = 'training' | 'realSample';
type Attribute = 'gender' | 'ageBand';

/** Inner series names, never shown: they pick each bar's fill. */
const APPROVED = 'approved';
const DEFAULTS_REFUSED = 'defaultsRefused';
const GOOD_REFUSED = 'goodRefused';
const FILL: Record<string, string> = {
  [APPROVED]: PALETTE.approved,
  [DEFAULTS_REFUSED]: PALETTE.defaultsRefused,
  [GOOD_REFUSED]: PALETTE.goodRefused,
};

/**
 * Fairness of the model's decisions by gender and by age band, from cross-validated probabilities: approval
 * rates and their ratio to the most approved group (four-fifths rule), the share of defaults refused (true
 * positives) and of good clients refused (false positives), and calibration by group in the table. The
 * figures of the training data and of the real sample are both in the bundle's metrics.
 */
@Component({
  selector: 'app-fairness-panel',
  imports: [BarChartModule, DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-panel': 'fairness' },
  template: `
    <p>{{ t().fairness.intro }}</p>
    @if (sources().length > 1) {
      <div class="field">
        <label for="fairness-source">{{ t().fairness.sourceLabel }}</label>
        <select id="fairness-source" #picker (change)="source.set($any(picker.value))">
          @for (s of sources(); track s) {
            <option [value]="s" [selected]="s === source()">{{ sourceName(s) }}</option>
          }
        </select>
      </div>
    }
    @if (!report()) {
      <p>{{ t().fairness.missing }}</p>
    }
    @for (item of attributes(); track item.key) {
      <h3>{{ t().fairness.attributes[item.key] }}</h3>
      <p [attr.data-testid]="'fairness-summary-' + item.key">{{ summary(item.figures) }}</p>
      <figure>
        <figcaption>
          {{ t().fairness.caption(t().fairness.attributes[item.key], sourceName(source())) }}
        </figcaption>
        <ul class="legend" aria-hidden="true">
          <li><span class="swatch approved"></span>{{ t().fairness.approved }}</li>
          <li><span class="swatch defaults-refused"></span>{{ t().fairness.defaultsRefused }}</li>
          <li><span class="swatch good-refused"></span>{{ t().fairness.goodRefused }}</li>
        </ul>
        <div tabindex="0" class="ngx-frame" role="img" [attr.aria-label]="summary(item.figures)" [@.disabled]="true">
          <ngx-charts-bar-vertical-2d
            aria-hidden="true"
            inert
            [results]="bars(item.figures)"
            [customColors]="fillOf"
            [animations]="false"
            [tooltipDisabled]="true"
            [xAxis]="true"
            [yAxis]="true"
            [showXAxisLabel]="true"
            [showYAxisLabel]="true"
            [xAxisLabel]="t().fairness.xAxis[item.key]"
            [yAxisLabel]="t().fairness.yAxis"
            [yScaleMax]="1"
            [yAxisTickFormatting]="percentTick"
            [rotateXAxisTicks]="false"
            [groupPadding]="12"
            [barPadding]="2"
            [roundEdges]="false"
          />
        </div>
        <app-data-table
          [summary]="t().model.showTable"
          [caption]="t().fairness.caption(t().fairness.attributes[item.key], sourceName(source()))"
          [columns]="columns()"
          [rows]="rows(item.figures)"
        />
      </figure>
    }
  `,
})
export class FairnessPanel {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly model = input.required<ModelInfo>();

  private readonly reports = computed(() => readFairness(this.model().metrics));
  protected readonly sources = computed<Source[]>(() =>
    (['training', 'realSample'] as const).filter((s) => this.reports()[s] !== null),
  );
  protected readonly source = signal<Source>('training');
  /** A data source in words, the real sample with its number of applications. */
  protected sourceName(source: Source): string {
    return this.t().fairness.sources[source](this.reports().realSampleRows);
  }
  protected readonly report = computed(() => this.reports()[this.source()] ?? this.reports().training);
  protected readonly attributes = computed(() => {
    const report = this.report();
    if (!report) return [];
    return (['gender', 'ageBand'] as const).flatMap((key: Attribute) =>
      report[key] ? [{ key, figures: report[key] }] : [],
    );
  });

  protected readonly fillOf = (name: string) => FILL[name] ?? PALETTE.muted;
  protected readonly percentTick = (value: number) => this.i18n.percent(value, true);

  protected groupName(group: FairnessGroup): string {
    const names: Record<string, string> = this.t().fairness.groups;
    return names[group.group] ?? group.group;
  }

  protected bars(figures: FairnessAttribute): Series[] {
    return figures.groups
      .filter((g) => g.compared)
      .map((g) => ({
        name: this.groupName(g),
        series: [
          { name: APPROVED, value: g.approvalRate ?? 0 },
          { name: DEFAULTS_REFUSED, value: g.truePositiveRate ?? 0 },
          { name: GOOD_REFUSED, value: g.falsePositiveRate ?? 0 },
        ],
      }));
  }

  protected summary(figures: FairnessAttribute): string {
    const ratio = this.i18n.number(figures.lowestApprovalRatio);
    const verdict = figures.fourFifthsMet ? this.t().fairness.fourFifthsMet : this.t().fairness.fourFifthsNotMet;
    return this.t().fairness.summary(
      ratio,
      verdict,
      this.gap(figures.truePositiveRateGap),
      this.gap(figures.falsePositiveRateGap),
    );
  }

  private gap(value: number | null): string {
    return value === null ? '–' : this.i18n.points(value).replace('+', '');
  }

  protected readonly columns = computed(() => {
    const f = this.t().fairness;
    return [f.group, f.applicants, f.defaultRate, f.approved, f.ratio, f.defaultsRefused, f.goodRefused, f.predicted];
  });

  protected rows(figures: FairnessAttribute): string[][] {
    const pct = (v: number | null) => this.i18n.percent(v);
    return figures.groups.map((g) => [
      this.groupName(g),
      this.i18n.number(g.count, 'integer'),
      pct(g.defaultRate),
      pct(g.approvalRate),
      g.approvalRatio === null ? this.t().fairness.notCompared : this.i18n.number(g.approvalRatio),
      pct(g.truePositiveRate),
      pct(g.falsePositiveRate),
      pct(g.meanPredicted),
    ]);
  }
}
