import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { ShapSummary } from '../../core/api-types';
import { I18n } from '../i18n/i18n';
import { DataTable } from './data-table';
import { dotLayers, extent, linearScale, niceDomain, niceTicks, rankColour } from './scale';

const WIDTH = 760;
const ROW = 30;
const LABEL = 220;
const MARGIN = { top: 10, right: 16, bottom: 40 };

/**
 * The SHAP summary: one row per feature, one dot per client at its contribution, coloured
 * from blue (low value) to orange (high value). Dots that would overlap are spread vertically
 * within the row by a simple bin count, so the crowd shows its density.
 */
@Component({
  selector: 'app-beeswarm-chart',
  imports: [DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure>
      <figcaption>{{ t().model.summaryIntro }}</figcaption>
      <div class="legend colour-legend" aria-hidden="true">
        <span>{{ t().model.low }}</span><span class="ramp rank"></span><span>{{ t().model.high }}</span>
      </div>
      <svg
        class="chart beeswarm"
        tabindex="0"
        [attr.viewBox]="'0 0 ' + width + ' ' + height()"
        role="img"
        [attr.aria-label]="t().model.summaryHeading"
      >
        @for (tick of ticks(); track tick) {
          <line
            class="grid"
            [attr.x1]="x(tick)"
            [attr.x2]="x(tick)"
            [attr.y1]="margin.top"
            [attr.y2]="height() - margin.bottom"
          />
          <text class="tick-label" [attr.x]="x(tick)" [attr.y]="height() - margin.bottom + 16" text-anchor="middle">
            {{ i18n.number(tick) }}
          </text>
        }
        <line
          class="axis"
          [attr.x1]="x(0)"
          [attr.x2]="x(0)"
          [attr.y1]="margin.top"
          [attr.y2]="height() - margin.bottom"
        />
        @for (row of rows(); track row.feature; let i = $index) {
          <text
            class="axis-label"
            [attr.x]="label - 8"
            [attr.y]="margin.top + i * rowHeight + rowHeight / 2 + 4"
            text-anchor="end"
          >
            {{ row.shortLabel }}
          </text>
        }
        @for (layer of layers(); track layer.colour) {
          <path class="dots small" [attr.d]="layer.d" [attr.stroke]="layer.colour" />
        }
        <text
          class="axis-label"
          [attr.x]="(label + width - margin.right) / 2"
          [attr.y]="height() - 6"
          text-anchor="middle"
        >
          {{ t().model.effect }}
        </text>
      </svg>
      <app-data-table
        [summary]="t().model.showTable"
        [caption]="t().model.rowsSummary"
        [columns]="[t().reasons.feature, t().model.meanAbsShap, t().model.meanShapLow, t().model.meanShapHigh]"
        [rows]="tableRows()"
      />
    </figure>
  `,
})
export class BeeswarmChart {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly width = WIDTH;
  protected readonly rowHeight = ROW;
  protected readonly label = LABEL;
  protected readonly margin = MARGIN;

  readonly summary = input.required<ShapSummary>();

  protected readonly height = computed(() => MARGIN.top + this.summary().features.length * ROW + MARGIN.bottom);
  private readonly domain = computed(() =>
    niceDomain(...extent(this.summary().features.flatMap((f) => f.points.map((p) => p.shap)))),
  );
  private readonly scale = computed(() => linearScale(this.domain(), [LABEL, WIDTH - MARGIN.right]));
  protected readonly ticks = computed(() => niceTicks(this.domain()[0], this.domain()[1], 6));
  protected x(value: number): number {
    return this.scale()(value);
  }

  protected readonly rows = computed(() =>
    this.summary().features.map((feature, row) => {
      const centre = MARGIN.top + row * ROW + ROW / 2;
      const stacks = new Map<number, number>();
      const dots = feature.points.map((point) => {
        const cx = this.x(point.shap);
        const bin = Math.round(cx / 3);
        const n = stacks.get(bin) ?? 0;
        stacks.set(bin, n + 1);
        // Alternate above and below the centre line: 0, +1, -1, +2, -2 ... dots, wrapped within the row.
        const offset = ((n % 2 === 0 ? 1 : -1) * Math.ceil(n / 2) * 2.2) % (ROW / 2 - 2);
        return { x: cx, y: centre + offset, colour: rankColour(point.valueRank) };
      });
      const shortLabel = feature.label.length > 32 ? `${feature.label.slice(0, 31)}…` : feature.label;
      return { feature: feature.feature, shortLabel, dots };
    }),
  );

  protected readonly layers = computed(() => dotLayers(this.rows().flatMap((row) => row.dots)));

  protected readonly tableRows = computed(() =>
    this.summary().features.map((feature) => {
      const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
      const withRank = feature.points.filter((p) => p.valueRank !== null);
      return [
        feature.label,
        this.i18n.number(mean(feature.points.map((p) => Math.abs(p.shap)))),
        this.i18n.number(mean(withRank.filter((p) => (p.valueRank ?? 0) < 0.5).map((p) => p.shap))),
        this.i18n.number(mean(withRank.filter((p) => (p.valueRank ?? 0) >= 0.5).map((p) => p.shap))),
      ];
    }),
  );
}
