import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { ModelInfo } from '../core/api-types';
import { DataTable } from '../shared/charts/data-table';
import { LineChart } from '../shared/charts/line-chart';
import { I18n } from '../shared/i18n/i18n';
import { readModelQuality, rocPointAt } from './model-metrics';

/** AUC, ROC curve, confusion matrix and business cost against threshold, at the model's chosen threshold. */
@Component({
  selector: 'app-quality-panel',
  imports: [LineChart, DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>{{ t().model.costs(i18n.number(model().costFalseNegative), i18n.number(model().costFalsePositive)) }}</p>
    <dl class="metric-list">
      <div>
        <dt>{{ t().model.auc }}</dt>
        <dd data-testid="auc">{{ quality().auc === null ? '–' : i18n.number(quality().auc, 'decimal') }}</dd>
      </div>
      <div>
        <dt>{{ t().model.threshold }}</dt>
        <dd>{{ i18n.percent(model().threshold) }}</dd>
      </div>
      @if (quality().recall !== null) {
        <div>
          <dt>{{ t().model.recall }}</dt>
          <dd>{{ i18n.percent(quality().recall) }}</dd>
        </div>
      }
      @if (quality().precision !== null) {
        <div>
          <dt>{{ t().model.precision }}</dt>
          <dd>{{ i18n.percent(quality().precision) }}</dd>
        </div>
      }
    </dl>

    @if (!quality().roc.length && !quality().confusion && !quality().costCurve.length) {
      <p>{{ t().model.metricsMissing }}</p>
    }

    <div class="model-grid">
      @if (quality().roc.length) {
        <div>
          <h3>{{ t().model.rocHeading }}</h3>
          <app-line-chart
            [points]="rocPoints()"
            [xLabel]="t().model.fpr"
            [yLabel]="t().model.tpr"
            xFormat="percent"
            yFormat="percent"
            [xDomain]="[0, 1]"
            [yDomain]="[0, 1]"
            [diagonal]="true"
            [marker]="rocMarker()"
            [markerLabel]="t().model.chosenThreshold(i18n.percent(model().threshold))"
            [ariaLabel]="t().model.rocCaption"
          >
            <figcaption>{{ t().model.rocCaption }}</figcaption>
            <app-data-table
              [summary]="t().model.showTable"
              [caption]="t().model.rocHeading"
              [columns]="[t().model.threshold, t().model.fpr, t().model.tpr]"
              [rows]="rocRows()"
            />
          </app-line-chart>
        </div>
      }

      @if (quality().confusion; as m) {
        <div>
          <h3>{{ t().model.confusionHeading }}</h3>
          <table class="confusion">
            <caption>
              {{
                t().model.confusionCaption(
                  i18n.number(m.trueNegative + m.falsePositive + m.falseNegative + m.truePositive, 'integer')
                )
              }}
            </caption>
            <thead>
              <tr>
                <td></td>
                <th scope="col">{{ i18n.labelled(t().model.predicted, t().model.predictedGranted) }}</th>
                <th scope="col">{{ i18n.labelled(t().model.predicted, t().model.predictedRefused) }}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{{ i18n.labelled(t().model.actual, t().model.actualRepaid) }}</th>
                <td>{{ i18n.number(m.trueNegative, 'integer') }}</td>
                <td>{{ i18n.number(m.falsePositive, 'integer') }}</td>
              </tr>
              <tr>
                <th scope="row">{{ i18n.labelled(t().model.actual, t().model.actualDefaulted) }}</th>
                <td>{{ i18n.number(m.falseNegative, 'integer') }}</td>
                <td>{{ i18n.number(m.truePositive, 'integer') }}</td>
              </tr>
            </tbody>
          </table>
        </div>
      }

      @if (quality().costCurve.length) {
        <div>
          <h3>{{ t().model.costHeading }}</h3>
          <app-line-chart
            [points]="costPoints()"
            [xLabel]="t().model.threshold"
            [yLabel]="t().model.cost"
            xFormat="percent"
            [xDomain]="[0, 1]"
            [marker]="costMarker()"
            [markerLabel]="t().model.chosenThreshold(i18n.percent(model().threshold))"
            [ariaLabel]="t().model.costCaption"
          >
            <figcaption>{{ t().model.costCaption }}</figcaption>
            <app-data-table
              [summary]="t().model.showTable"
              [caption]="t().model.costHeading"
              [columns]="[t().model.threshold, t().model.cost]"
              [rows]="costRows()"
            />
          </app-line-chart>
        </div>
      }
    </div>
  `,
})
export class QualityPanel {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly model = input.required<ModelInfo>();

  protected readonly quality = computed(() => readModelQuality(this.model().metrics));
  protected readonly rocPoints = computed(() => this.quality().roc.map((p) => ({ x: p.fpr, y: p.tpr })));
  protected readonly rocMarker = computed(() => {
    const point = rocPointAt(this.quality(), this.model().threshold);
    return point ? { x: point.fpr, y: point.tpr } : null;
  });
  protected readonly rocRows = computed(() =>
    this.quality().roc.map((p) => [
      p.threshold === null ? '–' : this.i18n.percent(p.threshold),
      this.i18n.percent(p.fpr),
      this.i18n.percent(p.tpr),
    ]),
  );

  protected readonly costPoints = computed(() => this.quality().costCurve.map((p) => ({ x: p.threshold, y: p.cost })));
  protected readonly costMarker = computed(() => {
    const cost = this.quality().cost;
    return cost === null ? null : { x: this.model().threshold, y: cost };
  });
  protected readonly costRows = computed(() =>
    this.quality().costCurve.map((p) => [this.i18n.percent(p.threshold), this.i18n.number(p.cost, 'integer')]),
  );
}
