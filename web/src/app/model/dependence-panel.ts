import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';

import type { Dependence } from '../core/api-types';
import { ModelCatalog } from '../core/model-catalog';
import { apiUrls } from '../core/octroi-api';
import { FeatureSelect } from '../shared/ui/feature-select';
import { DataTable } from '../shared/charts/data-table';
import { extent, rankColour } from '../shared/charts/scale';
import { ScatterChart, type ScatterPoint } from '../shared/charts/scatter-chart';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';

const BINS = 10;

/** How one feature's value moves the score (its SHAP value), optionally coloured by a second feature. */
@Component({
  selector: 'app-dependence-panel',
  imports: [FeatureSelect, ScatterChart, DataTable, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-busy]': 'dependence.isLoading()', 'data-panel': 'dependence' },
  template: `
    <div class="field-row">
      <app-feature-select
        selectId="dependence-feature"
        [label]="t().model.dependenceFeature"
        [features]="catalog.numericFeatures()"
        [value]="feature()"
        (selected)="featureChange.emit($event)"
      />
      <app-feature-select
        selectId="dependence-colour"
        [label]="t().model.dependenceColour"
        [features]="catalog.features()"
        [value]="shownColour()"
        (selected)="colourChange.emit($event)"
      />
    </div>
    <app-load-status [loading]="dependence.isLoading()" [error]="dependence.error()" (retry)="dependence.reload()" />
    @if (dependence.hasValue()) {
      @let d = dependence.value();
      <app-scatter-chart
        [points]="points()"
        [xLabel]="d.label"
        [yLabel]="t().model.effect"
        [ariaLabel]="t().model.dependenceCaption(d.label)"
      >
        <figcaption>{{ t().model.dependenceCaption(d.label) }}</figcaption>
        @if (d.colorLabel) {
          <div class="legend colour-legend" aria-hidden="true">
            <span>{{ i18n.labelled(d.colorLabel, '') }}</span><span>{{ t().model.low }}</span
            ><span class="ramp rank"></span><span>{{ t().model.high }}</span>
          </div>
        }
        <app-data-table
          [summary]="t().model.showTable"
          [caption]="t().model.dependenceCaption(d.label)"
          [columns]="[t().model.value, t().model.effect, t().comparison.count]"
          [rows]="binRows()"
        />
      </app-scatter-chart>
    }
  `,
})
export class DependencePanel {
  protected readonly i18n = inject(I18n);
  protected readonly catalog = inject(ModelCatalog);
  protected readonly t = this.i18n.t;

  readonly feature = input.required<string>();
  readonly colour = input<string>();
  readonly featureChange = output<string>();
  readonly colourChange = output<string>();

  protected readonly dependence = httpResource<Dependence>(() =>
    apiUrls.dependence(this.feature(), this.colour() || undefined, this.i18n.language()),
  );

  /** The colouring feature: the one chosen, or the one the explain service picked when none was. */
  protected readonly shownColour = computed(
    () => this.colour() || (this.dependence.hasValue() ? this.dependence.value().color : null),
  );

  protected readonly points = computed<ScatterPoint[]>(() => {
    if (!this.dependence.hasValue()) return [];
    const points = this.dependence.value().points;
    const colourValues = points.map((p) => p.colorValue).filter((v): v is number => v !== null);
    const [min, max] = extent(colourValues);
    const hasColour = colourValues.length > 0;
    return points.map((p) => ({
      x: p.value,
      y: p.shap,
      colour: hasColour
        ? rankColour(p.colorValue === null ? null : (p.colorValue - min) / (max - min || 1))
        : 'rgb(29, 58, 110)',
    }));
  });

  /** The points in ten equal-count slices of the value, with their mean effect: the table alternative. */
  protected readonly binRows = computed(() => {
    const sorted = [...this.points()].sort((a, b) => a.x - b.x);
    if (!sorted.length) return [];
    const size = Math.ceil(sorted.length / BINS);
    const rows: string[][] = [];
    for (let start = 0; start < sorted.length; start += size) {
      const slice = sorted.slice(start, start + size);
      const mean = slice.reduce((sum, p) => sum + p.y, 0) / slice.length;
      rows.push([
        `${this.i18n.number(slice[0].x)} – ${this.i18n.number(slice[slice.length - 1].x)}`,
        this.i18n.number(mean),
        this.i18n.number(slice.length, 'integer'),
      ]);
    }
    return rows;
  });
}
