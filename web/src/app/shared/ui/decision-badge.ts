import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import type { Decision } from '../../core/api-types';
import { I18n } from '../i18n/i18n';

/**
 * The decision in words with an icon (a tick, a cross, or a person for a referral), so colour is never the only
 * cue. A value this dashboard does not know yet reads as "to review", never as a grant.
 */
@Component({
  selector: 'app-decision-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"decision-badge " + kind()' },
  template: `
    <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="1em" height="1em">
      @if (decision() === 'granted') {
        <path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
      } @else if (kind() === 'referred') {
        <circle cx="8" cy="5" r="3" fill="currentColor" />
        <path d="M2.5 15c0-3.5 2.5-5.5 5.5-5.5s5.5 2 5.5 5.5z" fill="currentColor" />
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

  protected readonly kind = computed(() =>
    ['granted', 'refused'].includes(this.decision()) ? this.decision() : 'referred',
  );

  protected readonly label = computed(() => {
    const words = this.i18n.t().decision;
    const kind = this.kind();
    if (kind === 'granted') return this.short() ? words.grantedShort : words.granted;
    if (kind === 'refused') return this.short() ? words.refusedShort : words.refused;
    return this.short() ? words.referredShort : words.referred;
  });
}
