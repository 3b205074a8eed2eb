import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { Decision } from '../../core/api-types';
import { I18n } from '../i18n/i18n';

/** The decision in words with an icon (a tick or a cross), so colour is never the only cue. */
@Component({
  selector: 'app-decision-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"decision-badge " + decision()' },
  template: `
    <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="1em" height="1em">
      @if (decision() === 'granted') {
        <path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
      } @else {
        <path
          d="M3.5 3.5l9 9M12.5 3.5l-9 9"
          fill="none"
          stroke="currentColor"
          stroke-width="2.2"
          stroke-linecap="round"
        />
      }
    </svg>
    <span>{{ label() }}</span>
  `,
})
export class DecisionBadge {
  private readonly i18n = inject(I18n);

  readonly decision = input.required<Decision>();
  /** Short form ("Refused") for tables, long form ("Credit refused") elsewhere. */
  readonly short = input(false);

  protected readonly label = computed(() => {
    const words = this.i18n.t().decision;
    if (this.decision() === 'granted') return this.short() ? words.grantedShort : words.granted;
    return this.short() ? words.refusedShort : words.refused;
  });
}
