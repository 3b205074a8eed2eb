import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { LineChartModule, type Series } from '@swimlane/ngx-charts';

import { I18n } from '../i18n/i18n';
import { PALETTE } from './palette';
import { extent, niceDomain, niceTicks } from './scale';

export interface LinePoint {
  x: number;
  y: number;
}

export type AxisFormat = 'percent' | 'number';

/** Series names, never shown: they pick each line's colour (and, in styles.css, its dashes). */
const SERIES_COLOURS: Record<string, string> = {
  curve: PALETTE.brand,
  marker: PALETTE.threshold,
  diagonal: PALETTE.reference,
};

/**
 * One curve on two numeric axes (ngx-charts line chart), with an optional marked point, shown
 * as dashed lines from both axes to it, and the optional y = x diagonal (for ROC curves). The
 * dashed and dotted lines are named in a legend. Caption and table alternative are projected.
 */
@Component({
  selector: 'app-line-chart',
  imports: [LineChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure>
      <ng-content select="figcaption" />
      @if (marker() || diagonal()) {
        <ul class="legend" aria-hidden="true">
          @if (marker()) {
            <li><span class="line-swatch threshold"></span>{{ markerLabel() }}</li>
          }
          @if (diagonal()) {
            <li><span class="line-swatch reference"></span>{{ t().model.chance }}</li>
          }
        </ul>
      }
      <div tabindex="0" class="ngx-frame" role="img" [attr.aria-label]="ariaLabel()" [@.disabled]="true">
        <ngx-charts-line-chart
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
          [xAxisTickFormatting]="formatX"
          [yAxisTickFormatting]="formatY"
          [xScaleMin]="xExtent()[0]"
          [xScaleMax]="xExtent()[1]"
          [yScaleMin]="yExtent()[0]"
          [yScaleMax]="yExtent()[1]"
          [autoScale]="true"
        />
      </div>
      <ng-content />
    </figure>
  `,
})
export class LineChart {
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly points = input.required<readonly LinePoint[]>();
  readonly xLabel = input.required<string>();
  readonly yLabel = input.required<string>();
  readonly ariaLabel = input.required<string>();
  readonly xFormat = input<AxisFormat>('number');
  readonly yFormat = input<AxisFormat>('number');
  /** Fixed domains (e.g. [0, 1] for rates); otherwise fitted to the points. */
  readonly xDomain = input<[number, number] | null>(null);
  readonly yDomain = input<[number, number] | null>(null);
  readonly diagonal = input(false);
  readonly marker = input<LinePoint | null>(null);
  readonly markerLabel = input('');

  protected readonly xExtent = computed(() => this.xDomain() ?? niceDomain(...extent(this.points().map((p) => p.x))));
  protected readonly yExtent = computed(() => this.yDomain() ?? niceDomain(...extent(this.points().map((p) => p.y))));
  protected readonly xTicks = computed(() => niceTicks(this.xExtent()[0], this.xExtent()[1], 5));
  protected readonly yTicks = computed(() => niceTicks(this.yExtent()[0], this.yExtent()[1], 5));

  /**
   * The curve, then the marker's dashes (from the y axis across to the point and down to the
   * x axis: they also pin the plot to its domain's lower ends), then the diagonal.
   */
  protected readonly series = computed<Series[]>(() => {
    const [x0, x1] = this.xExtent();
    const [y0, y1] = this.yExtent();
    const line = (name: string, points: readonly LinePoint[]): Series => ({
      name,
      series: points.map((p) => ({ name: p.x, value: p.y })),
    });
    const series = [line('curve', this.points())];
    const marker = this.marker();
    if (marker) {
      series.push(
        line('marker', [
          { x: x0, y: marker.y },
          { x: marker.x, y: marker.y },
          { x: marker.x, y: y0 },
        ]),
      );
    }
    if (this.diagonal()) {
      series.push(
        line('diagonal', [
          { x: Math.max(x0, y0), y: Math.max(x0, y0) },
          { x: Math.min(x1, y1), y: Math.min(x1, y1) },
        ]),
      );
    }
    return series;
  });

  protected readonly colourOf = (name: string) => SERIES_COLOURS[name] ?? PALETTE.brand;
  protected readonly formatX = (value: number) => this.format(value, this.xFormat());
  protected readonly formatY = (value: number) => this.format(value, this.yFormat());

  private format(value: number, format: AxisFormat): string {
    if (format === 'percent') return this.i18n.percent(value, true);
    return Math.abs(value) >= 10_000 ? this.i18n.number(value, 'compact') : this.i18n.number(value);
  }
}
