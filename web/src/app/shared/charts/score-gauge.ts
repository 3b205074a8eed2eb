import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { Decision } from '../../core/api-types';
import { I18n } from '../i18n/i18n';
import { DecisionBadge } from '../ui/decision-badge';
import { linearScale } from './scale';

const WIDTH = 340;
const LEFT = 12;
const RIGHT = 12;
const GAUGE_TOP = 0.5;

/**
 * The probability of default on a horizontal scale with the lending threshold marked, the
 * decision in words with an icon, and the distance to the threshold in percentage points.
 */
@Component({
  selector: 'app-score-gauge',
  imports: [DecisionBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="gauge">
      @if (!compact()) {
        <p class="gauge-figure">
          <span class="gauge-label">{{ t().gauge.probability }}</span>
          <strong class="gauge-value" data-testid="probability">{{ i18n.percent(probability()) }}</strong>
        </p>
        <app-decision-badge [decision]="decision()" data-testid="decision" />
      }
      <p class="gauge-distance">{{ distance() }}</p>
      <svg
        class="chart"
        [attr.viewBox]="'0 0 ' + width + ' 68'"
        role="img"
        [attr.aria-label]="t().gauge.summary(i18n.percent(probability()), i18n.percent(threshold()), decisionWords())"
      >
        <rect [attr.x]="x(0)" y="14" [attr.width]="x(threshold()) - x(0)" height="18" class="zone-granted" />
        <rect
          [attr.x]="x(threshold())"
          y="14"
          [attr.width]="x(max()) - x(threshold())"
          height="18"
          class="zone-refused"
        />
        @if (band() > 0) {
          <rect
            [attr.x]="x(bandFrom())"
            y="10"
            [attr.width]="x(bandTo()) - x(bandFrom())"
            height="26"
            class="zone-referred"
          >
            <title>{{ t().gauge.referralBand }}</title>
          </rect>
        }
        <rect [attr.x]="x(0)" y="19" [attr.width]="x(clampedProbability()) - x(0)" height="8" class="gauge-bar" />
        <line [attr.x1]="x(threshold())" [attr.x2]="x(threshold())" y1="6" y2="52" class="threshold-line" />
        <text [attr.x]="x(threshold())" y="62" [attr.text-anchor]="thresholdAnchor()" class="tick-label">
          {{ t().gauge.threshold }} {{ i18n.percent(threshold()) }}
        </text>
        <path
          [attr.transform]="'translate(' + x(clampedProbability()) + ',12)'"
          d="M-7,-9 L7,-9 L0,0 Z"
          class="client-marker"
        />
        <text [attr.x]="x(0)" y="46" class="tick-label">{{ i18n.percent(0, true) }}</text>
        <text [attr.x]="x(max())" y="46" text-anchor="end" class="tick-label">
          {{ t().gauge.andOver(i18n.percent(max(), true)) }}
        </text>
      </svg>
      <p class="hint">{{ explanation() }}</p>
    </div>
  `,
})
export class ScoreGauge {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly width = WIDTH;

  readonly probability = input.required<number>();
  readonly threshold = input.required<number>();
  readonly decision = input.required<Decision>();
  /** Probability points either side of the threshold where an officer decides (the lender's policy). */
  readonly band = input(0);
  /** Leaves out the big figure and the badge when the caller already shows them. */
  readonly compact = input(false);

  /**
   * The same scale for every client, so that two gauges compare at a glance: 0 to 50 %, and a client beyond it
   * at the end, marked "50 % and over". Every lending threshold of the lender lies well inside it.
   */
  protected readonly max = computed(() => Math.max(GAUGE_TOP, Math.ceil(this.threshold() * 20) / 10));
  protected readonly clampedProbability = computed(() => Math.min(this.probability(), this.max()));
  private readonly scale = computed(() => linearScale([0, this.max()], [LEFT, WIDTH - RIGHT]));
  protected x(value: number): number {
    return this.scale()(value);
  }

  /** The threshold's label stays inside the chart when the threshold is near an end. */
  protected readonly thresholdAnchor = computed(() => {
    const share = this.threshold() / this.max();
    return share < 0.25 ? 'start' : share > 0.75 ? 'end' : 'middle';
  });

  protected readonly bandFrom = computed(() => Math.max(0, this.threshold() - this.band()));
  protected readonly bandTo = computed(() => Math.min(this.max(), this.threshold() + this.band()));

  protected readonly decisionWords = computed(() => this.t().decision[this.decision()] ?? this.t().decision.referred);
  protected readonly explanation = computed(() => {
    const gauge = this.t().gauge;
    const decision = this.decision();
    return decision === 'granted'
      ? gauge.explainGranted
      : decision === 'refused'
        ? gauge.explainRefused
        : gauge.explainReferred;
  });
  protected readonly distance = computed(() => {
    const gap = this.probability() - this.threshold();
    const points = this.i18n.number(Math.abs(gap) * 100, 'oneDecimal');
    return gap <= 0 ? this.t().gauge.distanceBelow(points) : this.t().gauge.distanceAbove(points);
  });
}
