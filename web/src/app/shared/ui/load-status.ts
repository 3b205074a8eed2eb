import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';

import { I18n } from '../i18n/i18n';
import { errorBodyOf } from '../../core/octroi-api';
import { describeError } from './describe-error';

/**
 * What a panel shows while its data loads or when its service fails: words, never a blank
 * space, and a way to try again. Announced politely to screen readers.
 */
@Component({
  selector: 'app-load-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="status" aria-live="polite">
      @if (error()) {
        <div class="error-box">
          <p>{{ message() }}</p>
          @if (reference(); as id) {
            <p class="reference">{{ i18n.t().status.reference(id) }}</p>
          }
          <button type="button" class="secondary" (click)="retry.emit()">{{ i18n.t().status.retry }}</button>
        </div>
      } @else if (loading()) {
        <p class="loading">{{ loadingText() ?? i18n.t().status.loading }}</p>
      }
    </div>
  `,
})
export class LoadStatus {
  protected readonly i18n = inject(I18n);

  readonly loading = input(false);
  readonly error = input<unknown>(undefined);
  readonly loadingText = input<string>();
  readonly retry = output();

  protected readonly message = computed(() => describeError(this.error(), this.i18n.t()));
  /** The request id, for the officer to quote when reporting the problem. */
  protected readonly reference = computed(() => (this.error() ? errorBodyOf(this.error()).requestId : undefined));
}
