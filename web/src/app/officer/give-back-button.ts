import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { Session } from '../auth/session';
import type { ReviewClaim } from '../core/api-types';
import { OctroiApi, errorBodyOf } from '../core/octroi-api';
import { I18n } from '../shared/i18n/i18n';
import { describeError } from '../shared/ui/describe-error';
import { ReviewQueueCount } from './review-queue-count';

/**
 * For the officer who took a referred application and cannot finish it: gives it back, so every officer may take it
 * at once rather than when the hold lapses, and brings the officer back to the queue. Shown only to who holds it.
 */
@Component({
  selector: 'app-give-back-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let words = t().reviews;
    @if (mine()) {
      <p>
        <button
          type="button"
          class="secondary"
          (click)="giveBack()"
          [disabled]="busy()"
          aria-describedby="give-back-hint"
          data-testid="give-back"
        >
          {{ busy() ? words.givingBack : words.giveBack }}
        </button>
      </p>
      <p id="give-back-hint" class="hint">{{ words.giveBackHint }}</p>
      <div role="alert">
        @if (failure(); as failure) {
          <p class="error-box">{{ failure }}</p>
        }
      </div>
    }
  `,
})
export class GiveBackButton {
  private readonly api = inject(OctroiApi);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly queueCount = inject(ReviewQueueCount);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  /** The referred decision of record. */
  readonly decisionId = input.required<string>();
  /** Who holds it now, if anyone. */
  readonly claim = input<ReviewClaim | undefined>();

  protected readonly mine = computed(() => {
    const holder = this.claim()?.officer.username;
    return holder !== undefined && holder === this.session.user()?.username;
  });
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | undefined>(undefined);

  protected async giveBack(): Promise<void> {
    this.busy.set(true);
    this.failure.set(undefined);
    try {
      await firstValueFrom(this.api.releaseReview(this.decisionId()));
      this.queueCount.refresh();
      await this.router.navigate(['/', this.i18n.language(), 'reviews']);
    } catch (error) {
      // 403 or 409: another officer holds it now, nobody does, or it was decided.
      const words = this.t();
      const gone = [403, 409].includes(errorBodyOf(error).status);
      this.failure.set(gone ? words.reviews.notYoursAnyMore : describeError(error, words));
    } finally {
      this.busy.set(false);
    }
  }
}
