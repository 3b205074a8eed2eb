import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { BarChartModule, type Series } from '@swimlane/ngx-charts';

import type { Population } from '../../core/api-types';
import { I18n } from '../i18n/i18n';
import { DataTable } from './data-table';
import { PALETTE } from './palette';
import { niceDomain, niceTicks } from './scale';

/** Long category names are cut under the bars; the table gives them whole. */
const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** Inner series names, never shown: they pick each bar's fill. */
const REPAID = 'repaid';
const DEFAULTED = 'defaulted';

/**
 * A feature's distribution among clients who repaid and clients who defaulted (ngx-charts
 * grouped bar chart), each as a share of its own group so the two shapes compare despite their
 * sizes. Defaulted bars are hatched, so the groups differ by more than colour. The client's bin
 * is marked under its bars with a triangle and the client's value.
 */
@Component({
  selector: 'app-histogram-chart',
  imports: [BarChartModule, DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure>
      <figcaption>{{ t().comparison.distributionCaption(population().label) }}</figcaption>
      <ul class="legend" aria-hidden="true">
        <li><span class="swatch repaid"></span>{{ t().comparison.repaid }}</li>
        <li><span class="swatch defaulted"></span>{{ t().comparison.defaulted }}</li>
        @if (clientBin() !== null) {
          <li><span class="client-triangle">▲</span>{{ t().comparison.clientValue }}</li>
        }
      </ul>
      <svg class="pattern-defs" aria-hidden="true" focusable="false">
        <defs>
          <pattern
            id="hatch-defaulted"
            width="5"
            height="5"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="5" height="5" class="defaulted-fill" />
            <line x1="0" y1="0" x2="0" y2="5" class="hatch-line" />
          </pattern>
        </defs>
      </svg>
      <div tabindex="0" class="ngx-frame histogram" role="img" [attr.aria-label]="clientSentence()" [@.disabled]="true">
        <ngx-charts-bar-vertical-2d
          aria-hidden="true"
          inert
          [results]="groups()"
          [customColors]="fillOf"
          [animations]="false"
          [tooltipDisabled]="true"
          [xAxis]="true"
          [yAxis]="true"
          [xAxisTicks]="tickedBins()"
          [xAxisTickFormatting]="binTick"
          [yAxisTicks]="yTicks()"
          [yAxisTickFormatting]="percentTick"
          [yScaleMax]="yTop()"
          [groupPadding]="groupPadding()"
          [barPadding]="1"
          [roundEdges]="false"
          [rotateXAxisTicks]="false"
          [trimXAxisTicks]="false"
        />
      </div>
      <p>{{ clientSentence() }}</p>
      <app-data-table
        [summary]="t().comparison.showTable"
        [caption]="t().comparison.distributionCaption(population().label)"
        [columns]="[t().comparison.range, t().comparison.repaid, t().comparison.defaulted]"
        [rows]="tableRows()"
      />
    </figure>
  `,
})
export class HistogramChart {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly population = input.required<Population>();

  private readonly totals = computed(() => {
    const bins = this.population().histogram;
    return {
      repaid: bins.reduce((sum, b) => sum + b.repaid, 0) || 1,
      defaulted: bins.reduce((sum, b) => sum + b.defaulted, 0) || 1,
    };
  });

  private readonly isCategorical = computed(() => this.population().kind === 'categorical');

  protected binLabel(index: number): string {
    const population = this.population();
    const bin = population.histogram[index];
    if (this.isCategorical()) return population.categories?.[bin.from] ?? String(bin.from);
    return `${this.formatValue(bin.from)} – ${this.formatValue(bin.to)}`;
  }

  protected formatValue(value: number | null): string {
    if (value === null) return this.t().client.missing;
    if (this.isCategorical()) return this.population().categories?.[value] ?? this.i18n.number(value);
    return Math.abs(value) >= 10_000 ? this.i18n.number(value, 'compact') : this.i18n.number(value);
  }

  /** One group per bin, named by its range or category (unique), with the two groups' shares. */
  protected readonly groups = computed<Series[]>(() => {
    const { repaid, defaulted } = this.totals();
    return this.population().histogram.map((bin, i) => ({
      name: this.binLabel(i),
      series: [
        { name: REPAID, value: bin.repaid / repaid },
        { name: DEFAULTED, value: bin.defaulted / defaulted },
      ],
    }));
  });

  /** Narrower gaps between groups when there are many bins. */
  protected readonly groupPadding = computed(() => (this.groups().length > 12 ? 4 : 12));

  /**
   * The bins labelled under the axis: about five of them (or every category when there are
   * few), and always the client's bin, whose neighbours then go unlabelled so labels never meet.
   */
  protected readonly tickedBins = computed(() => {
    const bins = this.population().histogram;
    const client = this.clientBin();
    const every = this.isCategorical() ? (bins.length <= 8 ? 1 : 0) : Math.max(1, Math.ceil(bins.length / 5));
    const nextToClient = (i: number) => client !== null && Math.abs(i - client) === 1;
    return bins
      .map((_, i) => i)
      .filter((i) => i === client || (every > 0 && i % every === 0 && (every === 1 || !nextToClient(i))))
      .map((i) => this.binLabel(i));
  });

  protected readonly fillOf = (name: string) => (name === DEFAULTED ? PALETTE.defaultedHatch : PALETTE.repaid);

  /** A bin's label under the axis: its category or lower bound, and a triangle with the client's value under the client's bin. */
  protected readonly binTick = (name: string) => {
    const index = this.groups().findIndex((group) => group.name === name);
    if (index < 0) return name;
    if (index === this.clientBin()) return `▲ ${shorten(this.formatValue(this.population().clientValue ?? null), 14)}`;
    return this.isCategorical() ? shorten(name, 14) : this.formatValue(this.population().histogram[index].from);
  };
  protected readonly percentTick = (value: number) => this.i18n.percent(value, true);

  private readonly tallestBar = computed(() =>
    Math.max(0.01, ...this.groups().flatMap((g) => g.series.map((s) => s.value))),
  );
  /** The top of the axis: the round value at or just above the tallest bar. */
  protected readonly yTop = computed(() => niceDomain(0, this.tallestBar(), 4)[1]);
  protected readonly yTicks = computed(() => niceTicks(0, this.yTop(), 4));

  /** The bin holding the client's value: its category, or the interval it falls in. */
  protected readonly clientBin = computed<number | null>(() => {
    const value = this.population().clientValue;
    const bins = this.population().histogram;
    if (value === null || value === undefined || bins.length === 0) return null;
    if (this.isCategorical()) {
      const index = bins.findIndex((b) => b.from === value);
      return index < 0 ? null : index;
    }
    const index = bins.findIndex((b) => value >= b.from && value < b.to);
    if (index >= 0) return index;
    return value < bins[0].from ? 0 : bins.length - 1;
  });

  protected readonly clientSentence = computed(() => {
    const population = this.population();
    if (population.clientValue === null || population.clientValue === undefined)
      return this.t().comparison.clientMissing;
    if (this.isCategorical()) {
      const bin = population.histogram[this.clientBin() ?? -1];
      const total = population.histogram.reduce((sum, b) => sum + b.repaid + b.defaulted, 0) || 1;
      const share = bin ? (bin.repaid + bin.defaulted) / total : null;
      return this.t().comparison.clientCategory(
        this.formatValue(population.clientValue),
        this.i18n.percent(share, true),
      );
    }
    const percentile = population.clientPercentile;
    return this.t().comparison.clientPercentile(
      this.formatValue(population.clientValue),
      // The clients service gives the percentile from 0 to 100.
      this.i18n.percent(percentile === null || percentile === undefined ? null : percentile / 100, true),
    );
  });

  /** The table marks the client's bin in words too. */
  protected readonly tableRows = computed(() => {
    const { repaid, defaulted } = this.totals();
    const client = this.clientBin();
    return this.population().histogram.map((bin, i) => [
      i === client ? `${this.binLabel(i)} (${this.t().comparison.clientBin})` : this.binLabel(i),
      this.i18n.percent(bin.repaid / repaid),
      this.i18n.percent(bin.defaulted / defaulted),
    ]);
  });
}
