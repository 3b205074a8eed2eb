import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import type { Explanation } from '../core/api-types';
import { WaterfallChart } from '../shared/charts/waterfall-chart';
import { I18n } from '../shared/i18n/i18n';

/** The reasons in plain sentences, those raising the risk first, then the waterfall of contributions. */
@Component({
  selector: 'app-reasons-panel',
  imports: [WaterfallChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="reasons">
      <div class="reason-list adverse">
        <h3>
          <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="1em" height="1em">
            <path d="M8 2l6 11H2z" fill="currentColor" />
          </svg>
          {{ t().reasons.adverse }}
        </h3>
        @if (explanation().adverseReasons.length) {
          <ul data-testid="adverse-reasons">
            @for (reason of explanation().adverseReasons; track reason.feature) {
              <li>{{ reason.text }}</li>
            }
          </ul>
        } @else {
          <p>{{ t().reasons.noneAdverse }}</p>
        }
      </div>
      <div class="reason-list favourable">
        <h3>
          <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="1em" height="1em">
            <path d="M8 14L2 3h12z" fill="currentColor" />
          </svg>
          {{ t().reasons.favourable }}
        </h3>
        @if (explanation().favourableReasons.length) {
          <ul data-testid="favourable-reasons">
            @for (reason of explanation().favourableReasons; track reason.feature) {
              <li>{{ reason.text }}</li>
            }
          </ul>
        } @else {
          <p>{{ t().reasons.noneFavourable }}</p>
        }
      </div>
    </div>
    @if (showWaterfall()) {
      <h3>{{ t().reasons.waterfallHeading }}</h3>
      <app-waterfall-chart [explanation]="explanation()" />
    }
  `,
})
export class ReasonsPanel {
  protected readonly t = inject(I18n).t;

  readonly explanation = input.required<Explanation>();
  readonly showWaterfall = input(true);
}
