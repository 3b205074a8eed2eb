import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { BubbleChartModule, type BubbleChartSeries } from '@swimlane/ngx-charts';

import { I18n } from '../i18n/i18n';
import { PALETTE } from './palette';
import { extent, niceDomain, niceTicks } from './scale';

export interface ScatterPoint {
  x: number;
  y: number;
  colour: string;
}

export interface ScatterHighlight {
  x: number;
  y: number;
  label: string;
}

/** The highlighted point's series name; every other series is named by its colour. */
const HIGHLIGHT = 'highlight';
const DOT_RADIUS = 3;
const HIGHLIGHT_RADIUS = 8;

/**
 * Points on two numeric axes (ngx-charts bubble chart with a fixed small radius), each coloured
 * by the caller, with one point highlighted as a large yellow disc outlined in black, named
 * under the chart. Points of one colour form one series, so the colours are looked up once.
 * The figure's caption and its table alternative are projected by the caller, who knows what
 * the points mean.
 */
@Component({
  selector: 'app-scatter-chart',
  imports: [BubbleChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure>
      <ng-content select="figcaption" />
      <ng-content select=".legend" />
      <div tabindex="0" class="ngx-frame" role="img" [attr.aria-label]="ariaLabel()" [@.disabled]="true">
        <ngx-charts-bubble-chart
          aria-hidden="true"
          inert
          [results]="series()"
          [customColors]="colourOf"
          [animations]="false"
          [tooltipDisabled]="true"
          [xAxis]="true"
          [yAxis]="true"
          [showXAxisLabel]="true"
          [showYAxisLabel]="true"
          [xAxisLabel]="xLabel()"
          [yAxisLabel]="yLabel()"
          [xAxisTicks]="xTicks()"
          [yAxisTicks]="yTicks()"
          [xAxisTickFormatting]="format"
          [yAxisTickFormatting]="format"
          [xScaleMin]="xDomain()[0]"
          [xScaleMax]="xDomain()[1]"
          [yScaleMin]="yDomain()[0]"
          [yScaleMax]="yDomain()[1]"
          [autoScale]="true"
          [minRadius]="dotRadius"
          [maxRadius]="highlight() ? highlightRadius : dotRadius"
        >
          <!--
            Tooltips are off, but without a template of its own ngx-charts would format a
            tooltip text for every point (with toLocaleString) at every check.
          -->
          <ng-template #tooltipTemplate />
        </ngx-charts-bubble-chart>
      </div>
      @if (highlight(); as h) {
        <p class="chart-note"><span class="legend-disc" aria-hidden="true"></span>{{ h.label }}</p>
      }
      <ng-content />
    </figure>
  `,
})
export class ScatterChart {
  private readonly i18n = inject(I18n);
  protected readonly dotRadius = DOT_RADIUS;
  protected readonly highlightRadius = HIGHLIGHT_RADIUS;

  readonly points = input.required<readonly ScatterPoint[]>();
  readonly highlight = input<ScatterHighlight | null>(null);
  readonly xLabel = input.required<string>();
  readonly yLabel = input.required<string>();
  readonly ariaLabel = input.required<string>();

  protected readonly xDomain = computed(() =>
    this.niceDomainOf(
      this.points().map((p) => p.x),
      this.highlight()?.x,
    ),
  );
  protected readonly yDomain = computed(() =>
    this.niceDomainOf(
      this.points().map((p) => p.y),
      this.highlight()?.y,
    ),
  );
  protected readonly xTicks = computed(() => niceTicks(this.xDomain()[0], this.xDomain()[1], 5));
  protected readonly yTicks = computed(() => niceTicks(this.yDomain()[0], this.yDomain()[1], 5));

  /** One series per colour, the highlighted point last so it is drawn on top, larger (r 2 against 1). */
  protected readonly series = computed<BubbleChartSeries[]>(() => {
    const byColour = new Map<string, BubbleChartSeries>();
    for (const point of this.points()) {
      let series = byColour.get(point.colour);
      if (!series) byColour.set(point.colour, (series = { name: point.colour, series: [] }));
      series.series.push({ name: String(series.series.length), x: point.x, y: point.y, r: 1 });
    }
    const all = [...byColour.values()];
    const h = this.highlight();
    if (h) all.push({ name: HIGHLIGHT, series: [{ name: h.label, x: h.x, y: h.y, r: 2 }] });
    return all;
  });

  protected readonly colourOf = (name: string) => (name === HIGHLIGHT ? PALETTE.client : name);
  protected readonly format = (value: number) =>
    Math.abs(value) >= 10_000 ? this.i18n.number(value, 'compact') : this.i18n.number(value);

  private niceDomainOf(values: number[], extra: number | undefined): [number, number] {
    if (extra !== undefined) values.push(extra);
    return niceDomain(...extent(values));
  }
}
