import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { PALETTE } from './palette';
import { linearScale, niceTicks } from './scale';

export interface TimeSeries {
  key: string;
  label: string;
  points: ReadonlyArray<{ time: number; value: number }>;
}

const WIDTH = 720;
const HEIGHT = 300;
const MARGIN = { top: 12, right: 16, bottom: 48, left: 64 };

/**
 * Shares over time (0 to 100 %), up to three lines told apart by colour, stroke (solid, dashed, dotted) and
 * marker (disc, square, triangle): a period with one decision still shows as a mark. The legend names the
 * lines; the caption and the table alternative are projected.
 */
const STYLES = [
  { colour: PALETTE.brand, swatch: 'solid', dash: '', marker: 'disc' },
  { colour: PALETTE.threshold, swatch: 'dashed', dash: '7 4', marker: 'square' },
  { colour: PALETTE.reference, swatch: 'dotted', dash: '2 4', marker: 'triangle' },
] as const;

@Component({
  selector: 'app-time-series-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure>
      <ng-content select="figcaption" />
      <ul class="legend" aria-hidden="true">
        @for (line of lines(); track line.key) {
          <li><span class="line-swatch {{ line.style.swatch }}"></span>{{ line.label }}</li>
        }
      </ul>
      <svg
        class="chart time-series"
        tabindex="0"
        [attr.viewBox]="'0 0 ' + width + ' ' + height"
        role="img"
        [attr.aria-label]="ariaLabel()"
      >
        @for (tick of yTicks; track tick) {
          <line
            class="grid"
            [attr.x1]="margin.left"
            [attr.x2]="width - margin.right"
            [attr.y1]="y(tick)"
            [attr.y2]="y(tick)"
          />
          <text class="tick-label" [attr.x]="margin.left - 8" [attr.y]="y(tick) + 4" text-anchor="end">
            {{ i18n.percent(tick, true) }}
          </text>
        }
        @for (tick of xTicks(); track tick) {
          <text class="tick-label" [attr.x]="x(tick)" [attr.y]="height - margin.bottom + 18" text-anchor="middle">
            {{ formatTime(tick) }}
          </text>
        }
        <line class="axis" [attr.x1]="margin.left" [attr.x2]="width - margin.right" [attr.y1]="y(0)" [attr.y2]="y(0)" />
        @for (line of lines(); track line.key) {
          <path
            class="series-line"
            [attr.d]="line.path"
            [attr.stroke]="line.style.colour"
            [attr.stroke-dasharray]="line.style.dash || null"
          />
          @for (point of line.marks; track point.x) {
            @switch (line.style.marker) {
              @case ('disc') {
                <circle [attr.cx]="point.x" [attr.cy]="point.y" r="4" [attr.fill]="line.style.colour" />
              }
              @case ('square') {
                <rect
                  [attr.x]="point.x - 3.5"
                  [attr.y]="point.y - 3.5"
                  width="7"
                  height="7"
                  [attr.fill]="line.style.colour"
                />
              }
              @default {
                <path [attr.d]="'M' + point.x + ' ' + (point.y - 5) + 'l4.5 8h-9z'" [attr.fill]="line.style.colour" />
              }
            }
          }
        }
        <text
          class="axis-label"
          [attr.x]="(margin.left + width - margin.right) / 2"
          [attr.y]="height - 8"
          text-anchor="middle"
        >
          {{ xLabel() }}
        </text>
        <text
          class="axis-label"
          text-anchor="middle"
          [attr.transform]="'translate(16 ' + (margin.top + height - margin.bottom) / 2 + ') rotate(-90)'"
        >
          {{ yLabel() }}
        </text>
      </svg>
      <ng-content />
    </figure>
  `,
})
export class TimeSeriesChart {
  protected readonly i18n = inject(I18n);
  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly margin = MARGIN;

  readonly series = input.required<readonly TimeSeries[]>();
  /** The time span the axis covers, in ms since the epoch. */
  readonly from = input.required<number>();
  readonly to = input.required<number>();
  readonly xLabel = input.required<string>();
  readonly yLabel = input.required<string>();
  readonly ariaLabel = input.required<string>();
  /** Ticks show the hour, with the day when the chart spans several. */
  readonly spansDays = input(false);
  /** Where the time axis has its ticks, when the periods have their own (weeks start on Mondays). */
  readonly tickTimes = input<readonly number[]>();

  protected readonly yTicks = niceTicks(0, 1, 5);
  private readonly yScale = linearScale([0, 1], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  private readonly xScale = computed(() => linearScale([this.from(), this.to()], [MARGIN.left, WIDTH - MARGIN.right]));
  protected y(value: number): number {
    return this.yScale(value);
  }
  protected x(time: number): number {
    return this.xScale()(time);
  }

  /** About six ticks, on whole hours (or five minutes) so that they read as times. */
  protected readonly xTicks = computed(() => {
    const given = this.tickTimes();
    if (given) return given;
    const span = this.to() - this.from();
    const step =
      [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * 60_000).find((s) => span / s <= 7) ?? 1440 * 60_000;
    const ticks: number[] = [];
    for (let tick = Math.ceil(this.from() / step) * step; tick <= this.to(); tick += step) ticks.push(tick);
    return ticks;
  });

  protected readonly lines = computed(() =>
    this.series().map((line, i) => {
      const marks = line.points.map((point) => ({ x: this.x(point.time), y: this.y(point.value) }));
      return {
        key: line.key,
        label: line.label,
        style: STYLES[i % STYLES.length],
        marks,
        path: marks.map((mark, j) => `${j === 0 ? 'M' : 'L'}${mark.x.toFixed(1)} ${mark.y.toFixed(1)}`).join(''),
      };
    }),
  );

  private readonly timeFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.i18n.locale(), {
        ...(this.spansDays() ? { day: 'numeric', month: 'short' } : { hour: '2-digit', minute: '2-digit' }),
      }),
  );
  protected formatTime(time: number): string {
    return this.timeFormat().format(new Date(time));
  }
}
