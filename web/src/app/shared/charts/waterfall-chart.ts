import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { Explanation } from '../../core/api-types';
import { I18n } from '../i18n/i18n';
import { DataTable } from './data-table';
import { linearScale, niceTicks, sigmoid } from './scale';

interface WaterfallStep {
  label: string;
  value: string;
  /** Where the bar starts and ends, as probabilities of default. */
  from: number;
  to: number;
  kind: 'base' | 'adverse' | 'favourable' | 'total';
}

/**
 * How the client's score is built: from the average raw score of all clients (the expected
 * value), each main factor's contribution is added in turn, the rest grouped, down to the
 * client's own score. Drawn with HTML so labels wrap and the chart reflows when zoomed.
 * Everything is in probability of default: the axis in percent, each bar's effect in percentage
 * points, the way an officer says it ("this factor adds 1.2 points to the risk"). The model adds
 * its contributions in log-odds; each is converted at the point of the running total where it is
 * added, so the bars still add up exactly from the average risk to the client's.
 */
@Component({
  selector: 'app-waterfall-chart',
  imports: [DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="waterfall">
      <figcaption>{{ t().reasons.waterfallIntro(top()) }}</figcaption>
      <div class="wf" tabindex="0" role="img" [attr.aria-label]="ariaSummary()">
        @for (step of steps(); track $index) {
          <div class="wf-row" [class]="'wf-row ' + step.kind">
            <div class="wf-label">
              {{ step.label }}
              @if (step.value) {
                <span class="wf-feature-value">{{ step.value }}</span>
              }
            </div>
            <div class="wf-track">
              <div class="wf-threshold" [style.left.%]="thresholdAt()"></div>
              @if (step.kind === 'base' || step.kind === 'total') {
                <div class="wf-dot" [style.left.%]="at(step.to)"></div>
              } @else {
                <div
                  class="wf-bar"
                  [style.left.%]="at(Math.min(step.from, step.to))"
                  [style.width.%]="Math.max(0.4, Math.abs(at(step.to) - at(step.from)))"
                ></div>
              }
            </div>
            <div class="wf-amount">{{ amount(step) }}</div>
          </div>
        }
        <div class="wf-row wf-axis" aria-hidden="true">
          <div class="wf-label">{{ t().gauge.probability }}</div>
          <div class="wf-track">
            @for (tick of ticks(); track tick) {
              <span class="wf-tick" [style.left.%]="at(tick)">{{ tickLabel(tick) }}</span>
            }
          </div>
          <div class="wf-amount"></div>
        </div>
      </div>
      <p class="hint">
        {{ t().reasons.unitLine }} {{ t().reasons.thresholdLine(i18n.percent(explanation().threshold)) }}
      </p>
      <app-data-table
        [summary]="t().reasons.showTable"
        [caption]="t().reasons.tableCaption"
        [columns]="[t().reasons.feature, t().reasons.value, t().reasons.effect]"
        [rows]="tableRows()"
      />
    </figure>
  `,
})
export class WaterfallChart {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly Math = Math;

  readonly explanation = input.required<Explanation>();
  /** How many factors get their own bar; the others are grouped into one. */
  readonly top = input(8);

  protected readonly steps = computed<WaterfallStep[]>(() => {
    const explanation = this.explanation();
    const t = this.t().reasons;
    const main = explanation.contributions.slice(0, this.top());
    const rest = explanation.contributions.slice(this.top());
    const base = sigmoid(explanation.expectedValue);
    const steps: WaterfallStep[] = [{ label: t.base, value: '', from: base, to: base, kind: 'base' }];
    let running = explanation.expectedValue;
    const add = (label: string, value: string, contribution: number) => {
      steps.push({
        label,
        value,
        from: sigmoid(running),
        to: sigmoid(running + contribution),
        kind: contribution > 0 ? 'adverse' : 'favourable',
      });
      running += contribution;
    };
    for (const c of main) add(c.label, c.displayValue, c.contribution);
    if (rest.length > 0)
      add(
        t.others(rest.length),
        '',
        rest.reduce((sum, c) => sum + c.contribution, 0),
      );
    const client = sigmoid(explanation.rawScore);
    steps.push({ label: t.final, value: '', from: client, to: client, kind: 'total' });
    return steps;
  });

  private readonly domain = computed<[number, number]>(() => {
    const positions = this.steps().flatMap((s) => [s.from, s.to]);
    positions.push(this.explanation().threshold);
    const min = Math.min(...positions);
    const max = Math.max(...positions);
    const pad = (max - min) * 0.05 || 0.01;
    return [Math.max(0, min - pad), Math.min(1, max + pad)];
  });
  private readonly scale = computed(() => linearScale(this.domain(), [0, 100]));
  protected readonly ticks = computed(() => niceTicks(this.domain()[0], this.domain()[1], 5));
  protected readonly thresholdAt = computed(() => this.scale()(this.explanation().threshold));

  protected at(probability: number): number {
    return this.scale()(probability);
  }

  /** Whole percents on a wide axis; a tenth of a percent when the ticks are closer than a point apart. */
  protected tickLabel(tick: number): string {
    const ticks = this.ticks();
    const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
    return this.i18n.percent(tick, step >= 0.01);
  }

  /** A probability for the first and last rows, a change in percentage points for the factors. */
  protected amount(step: WaterfallStep): string {
    if (step.kind === 'base' || step.kind === 'total') return this.i18n.percent(step.to);
    return this.t().reasons.points(this.i18n.points(step.to - step.from));
  }

  protected readonly ariaSummary = computed(() => {
    const e = this.explanation();
    return `${this.t().reasons.base} ${this.i18n.percent(sigmoid(e.expectedValue))} → ${this.t().reasons.final} ${this.i18n.percent(e.probabilityOfDefault)}. ${this.t().reasons.unitLine}`;
  });

  protected readonly tableRows = computed(() =>
    this.steps().map((step) => [step.label, step.value || '–', this.amount(step)]),
  );
}
