import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';

import type { PopulationSample } from '../core/api-types';
import { ModelCatalog } from '../core/model-catalog';
import { apiUrls } from '../core/octroi-api';
import { DataTable } from '../shared/charts/data-table';
import { riskColour } from '../shared/charts/scale';
import { ScatterChart, type ScatterHighlight, type ScatterPoint } from '../shared/charts/scatter-chart';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';
import { FeatureSelect } from '../shared/ui/feature-select';

const BANDS: readonly [number, number][] = [
  [0, 0.05],
  [0.05, 0.1],
  [0.1, 0.2],
  [0.2, 0.4],
  [0.4, 1.0000001],
];

/** Two chosen features over a random sample of clients, coloured by probability of default, the client highlighted. */
@Component({
  selector: 'app-bivariate-panel',
  imports: [FeatureSelect, ScatterChart, DataTable, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-busy]': 'sample.isLoading()', 'data-panel': 'bivariate' },
  template: `
    <div class="field-row">
      <app-feature-select
        selectId="bivariate-x"
        [label]="t().comparison.xFeature"
        [features]="catalog.numericFeatures()"
        [value]="x()"
        (selected)="xChange.emit($event)"
      />
      <app-feature-select
        selectId="bivariate-y"
        [label]="t().comparison.yFeature"
        [features]="catalog.numericFeatures()"
        [value]="y()"
        (selected)="yChange.emit($event)"
      />
    </div>
    <app-load-status [loading]="sample.isLoading()" [error]="sample.error()" (retry)="sample.reload()" />
    @if (sample.hasValue()) {
      <app-scatter-chart
        [points]="points()"
        [highlight]="highlight()"
        [xLabel]="catalog.labelOf(x())"
        [yLabel]="catalog.labelOf(y())"
        [ariaLabel]="caption()"
      >
        <figcaption>{{ caption() }}</figcaption>
        <div class="legend colour-legend" aria-hidden="true">
          <span>{{ t().comparison.colourLegend }}</span>
          <span>{{ i18n.percent(0, true) }}</span><span class="ramp"></span><span>{{ i18n.percent(1, true) }}</span>
        </div>
        <app-data-table
          [summary]="t().comparison.showTable"
          [caption]="t().comparison.bivariateSummary"
          [columns]="[t().comparison.riskBand, t().comparison.count, t().comparison.meanX, t().comparison.meanY]"
          [rows]="bandRows()"
        />
      </app-scatter-chart>
    }
  `,
})
export class BivariatePanel {
  protected readonly i18n = inject(I18n);
  protected readonly catalog = inject(ModelCatalog);
  protected readonly t = this.i18n.t;

  readonly clientId = input.required<number>();
  readonly x = input.required<string>();
  readonly y = input.required<string>();
  /** Colours are centred on the lending threshold, so above-threshold points read as warm. */
  readonly threshold = input(0.5);
  readonly xChange = output<string>();
  readonly yChange = output<string>();

  protected readonly sample = httpResource<PopulationSample>(() =>
    apiUrls.populationSample(this.x(), this.y(), this.clientId()),
  );

  protected readonly points = computed<ScatterPoint[]>(() => {
    if (!this.sample.hasValue()) return [];
    const threshold = this.threshold();
    return this.sample
      .value()
      .points.map((p) => ({ x: p.x, y: p.y, colour: riskColour(p.probabilityOfDefault, threshold) }));
  });

  protected readonly highlight = computed<ScatterHighlight | null>(() => {
    const client = this.sample.hasValue() ? this.sample.value().client : undefined;
    if (!client || client.x === null || client.y === null) return null;
    return {
      x: client.x,
      y: client.y,
      label: `${this.t().comparison.theClient} (${this.i18n.percent(client.probabilityOfDefault)})`,
    };
  });

  protected readonly caption = computed(() =>
    this.t().comparison.bivariateCaption(
      this.catalog.labelOf(this.x()),
      this.catalog.labelOf(this.y()),
      this.i18n.number(this.points().length, 'integer'),
    ),
  );

  protected readonly bandRows = computed(() => {
    if (!this.sample.hasValue()) return [];
    const points = this.sample.value().points;
    const rows = BANDS.map(([from, to]) => {
      const inBand = points.filter((p) => p.probabilityOfDefault >= from && p.probabilityOfDefault < to);
      const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
      return [
        `${this.i18n.percent(from, true)} – ${this.i18n.percent(Math.min(1, to), true)}`,
        this.i18n.number(inBand.length, 'integer'),
        this.i18n.number(mean(inBand.map((p) => p.x))),
        this.i18n.number(mean(inBand.map((p) => p.y))),
      ];
    });
    const client = this.sample.value().client;
    if (client) {
      rows.push([
        `${this.t().comparison.theClient} (${this.i18n.percent(client.probabilityOfDefault)})`,
        '1',
        this.i18n.number(client.x),
        this.i18n.number(client.y),
      ]);
    }
    return rows;
  });
}
