import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { Explanation } from '../../core/api-types';
import { I18n } from '../i18n/i18n';
import { DataTable } from './data-table';
import { linearScale, niceTicks, sigmoid } from './scale';

interface WaterfallStep {
  label: string;
  value: string;
  /** Where the bar starts and ends, in log-odds. */
  from: number;
  to: number;
  kind: 'base' | 'adverse' | 'favourable' | 'total';
}

/**
 * How the client's score is built: from the average raw score of all clients (the expected
 * value), each main factor's contribution is added in turn, the rest grouped, down to the
 * client's own score. Drawn with HTML so labels wrap and the chart reflows when zoomed.
 * The axis is in log-odds, labelled with the probabilities those positions mean.
 */
@Component({
  selector: 'app-waterfall-chart',
  imports: [DataTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="waterfall">
      <figcaption>{{ t().reasons.waterfallIntro(top()) }}</figcaption>
      <div class="wf" role="img" [attr.aria-label]="ariaSummary()">
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
              <span class="wf-tick" [style.left.%]="at(tick)">{{ i18n.percent(sigmoid(tick), true) }}</span>
            }
          </div>
          <div class="wf-amount"></div>
        </div>
      </div>
      <p class="hint">{{ t().reasons.thresholdLine(i18n.percent(explanation().threshold)) }}</p>
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
  protected readonly sigmoid = sigmoid;

  readonly explanation = input.required<Explanation>();
  /** How many factors get their own bar; the others are grouped into one. */
  readonly top = input(8);

  protected readonly steps = computed<WaterfallStep[]>(() => {
    const explanation = this.explanation();
    const t = this.t().reasons;
    const main = explanation.contributions.slice(0, this.top());
    const rest = explanation.contributions.slice(this.top());
    const steps: WaterfallStep[] = [
      { label: t.base, value: '', from: explanation.expectedValue, to: explanation.expectedValue, kind: 'base' },
    ];
    let running = explanation.expectedValue;
    for (const c of main) {
      steps.push({
        label: c.label,
        value: c.displayValue,
        from: running,
        to: running + c.contribution,
        kind: c.contribution > 0 ? 'adverse' : 'favourable',
      });
      running += c.contribution;
    }
    const restSum = rest.reduce((sum, c) => sum + c.contribution, 0);
    if (rest.length > 0) {
      steps.push({
        label: t.others(rest.length),
        value: '',
        from: running,
        to: running + restSum,
        kind: restSum > 0 ? 'adverse' : 'favourable',
      });
      running += restSum;
    }
    steps.push({ label: t.final, value: '', from: explanation.rawScore, to: explanation.rawScore, kind: 'total' });
    return steps;
  });

  private readonly thresholdLogOdds = computed(() => {
    const p = this.explanation().threshold;
    return Math.log(p / (1 - p));
  });

  private readonly domain = computed<[number, number]>(() => {
    const positions = this.steps().flatMap((s) => [s.from, s.to]);
    positions.push(this.thresholdLogOdds());
    const min = Math.min(...positions);
    const max = Math.max(...positions);
    const pad = (max - min) * 0.05 || 0.5;
    return [min - pad, max + pad];
  });
  private readonly scale = computed(() => linearScale(this.domain(), [0, 100]));
  protected readonly ticks = computed(() => niceTicks(this.domain()[0], this.domain()[1], 5));
  protected readonly thresholdAt = computed(() => this.scale()(this.thresholdLogOdds()));

  protected at(logOdds: number): number {
    return this.scale()(logOdds);
  }

  protected amount(step: WaterfallStep): string {
    if (step.kind === 'base' || step.kind === 'total') return this.i18n.percent(sigmoid(step.to));
    const delta = step.to - step.from;
    return `${delta > 0 ? '+' : '−'}${this.i18n.number(Math.abs(delta))}`;
  }

  protected readonly ariaSummary = computed(() => {
    const e = this.explanation();
    return `${this.t().reasons.base} ${this.i18n.percent(sigmoid(e.expectedValue))} → ${this.t().reasons.final} ${this.i18n.percent(e.probabilityOfDefault)}`;
  });

  protected readonly tableRows = computed(() =>
    this.steps().map((step) => [step.label, step.value || '–', this.amount(step)]),
  );
}
