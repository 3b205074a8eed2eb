import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { DriftStatus } from '../core/api-types';
import { linearScale, niceDomain, niceTicks } from '../shared/charts/scale';
import { I18n } from '../shared/i18n/i18n';
import type { DriftBar } from './monitoring-figures';

/**
 * Stability indices as horizontal bars, drawn with HTML so long variable names wrap: each bar coloured by its
 * status and followed by its value and its status in words, the two thresholds (0.1, 0.25) as dashed lines.
 */
@Component({
  selector: 'app-stability-bars',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="wf stability" tabindex="0" role="img" [attr.aria-label]="ariaLabel()">
      @for (bar of bars(); track bar.name) {
        <div class="wf-row" [class]="'wf-row psi-' + bar.status">
          <div class="wf-label">{{ bar.label }}</div>
          <div class="wf-track">
            @for (threshold of thresholds(); track threshold) {
              <div class="wf-threshold" [style.left.%]="at(threshold)"></div>
            }
            <div class="wf-bar" [style.left.%]="0" [style.width.%]="Math.max(0.4, at(bar.value))"></div>
          </div>
          <div class="wf-amount">{{ i18n.number(bar.value) }} · {{ statusOf(bar.status) }}</div>
        </div>
      }
      <div class="wf-row wf-axis" aria-hidden="true">
        <div class="wf-label"></div>
        <div class="wf-track">
          @for (tick of ticks(); track tick) {
            <span class="wf-tick" [style.left.%]="at(tick)">{{ i18n.number(tick) }}</span>
          }
        </div>
        <div class="wf-amount"></div>
      </div>
      <div class="wf-row wf-axis-title" aria-hidden="true">
        <div class="wf-label"></div>
        <div class="wf-axis-label">{{ axisLabel() }}</div>
        <div class="wf-amount"></div>
      </div>
    </div>
  `,
})
export class StabilityBars {
  protected readonly i18n = inject(I18n);
  protected readonly Math = Math;

  readonly bars = input.required<readonly DriftBar[]>();
  readonly thresholds = input.required<readonly number[]>();
  readonly axisLabel = input.required<string>();
  readonly ariaLabel = input.required<string>();

  private readonly domain = computed(() =>
    niceDomain(0, Math.max(...this.thresholds(), ...this.bars().map((bar) => bar.value)), 4),
  );
  private readonly scale = computed(() => linearScale(this.domain(), [0, 100]));
  protected readonly ticks = computed(() => niceTicks(this.domain()[0], this.domain()[1], 4));
  protected at(value: number): number {
    return this.scale()(value);
  }
  protected statusOf(status: DriftStatus): string {
    return this.i18n.t().monitoring.statuses[status].toLowerCase();
  }
}
