import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import type { Referral, ReviewQueue } from '../core/api-types';
import { OctroiApi, apiUrls } from '../core/octroi-api';
import { ReviewQueueCount } from '../officer/review-queue-count';
import { nextReviewRoute } from '../officer/officer-words';
import { I18n } from '../shared/i18n/i18n';
import { describeError } from '../shared/ui/describe-error';
import { LoadStatus } from '../shared/ui/load-status';

/**
 * The review queue: referred applications no officer has decided, the oldest first, with who holds each. An officer
 * takes the next one (held for them, so no one else does the same work) and lands on the page where they decide.
 */
@Component({
  selector: 'app-review-queue-page',
  imports: [RouterLink, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let words = t().reviews;
    <h1>{{ words.heading }}</h1>
    <p class="lead">{{ words.intro }}</p>
    <section class="card" aria-labelledby="queue-heading" data-panel="queue" [attr.aria-busy]="queue.isLoading()">
      <h2 id="queue-heading" class="visually-hidden">{{ words.caption }}</h2>
      <app-load-status [loading]="queue.isLoading()" [error]="queue.error()" (retry)="queue.reload()" />
      @if (queue.hasValue()) {
        @let q = queue.value();
        <p data-testid="queue-waiting">
          {{ q.waiting ? words.waiting(i18n.number(q.waiting, 'integer')) : words.empty }}
        </p>
        <p>
          <button type="button" (click)="takeNext()" [disabled]="taking() || !q.waiting" data-testid="take-next">
            {{ taking() ? words.taking : words.takeNext }}
          </button>
        </p>
        <div role="status" aria-live="polite">
          @if (notice(); as notice) {
            <p class="notice">{{ notice }}</p>
          }
        </div>
        @if (q.referrals.length) {
          <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t().tableOf(words.caption)">
            <table data-testid="review-queue">
              <caption class="visually-hidden">
                {{
                  words.caption
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ words.since }}</th>
                  <th scope="col">{{ words.applicant }}</th>
                  <th scope="col" class="num">{{ words.probability }}</th>
                  <th scope="col">{{ words.takenBy }}</th>
                </tr>
              </thead>
              <tbody>
                @for (referral of q.referrals; track referral.decisionId) {
                  <tr [attr.data-decision-id]="referral.decisionId">
                    <th scope="row">{{ when(referral.time) }}</th>
                    <td>
                      <a [routerLink]="route(referral)" [attr.aria-label]="words.openCase(applicant(referral))">{{
                        applicant(referral)
                      }}</a>
                    </td>
                    <td class="num">{{ i18n.percent(referral.probabilityOfDefault) }}</td>
                    <td>{{ referral.takenBy?.officer?.displayName ?? words.free }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
    </section>
  `,
})
export class ReviewQueuePage {
  private readonly api = inject(OctroiApi);
  private readonly router = inject(Router);
  private readonly count = inject(ReviewQueueCount);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly queue = httpResource<ReviewQueue>(() => apiUrls.reviews());
  protected readonly taking = signal(false);
  protected readonly notice = signal<string | undefined>(undefined);

  private readonly timeFormat = computed(
    () => new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }),
  );
  protected when(time: string): string {
    return this.timeFormat().format(new Date(time));
  }

  protected applicant(referral: Referral): string {
    const words = this.t().reviews;
    return referral.clientId !== undefined ? words.client(referral.clientId) : words.newApplication;
  }

  protected route(referral: Referral): unknown[] {
    return nextReviewRoute(this.i18n.language(), referral);
  }

  protected async takeNext(): Promise<void> {
    this.taking.set(true);
    this.notice.set(undefined);
    try {
      const { referral } = await firstValueFrom(this.api.takeNextReview());
      this.count.refresh();
      if (referral) await this.router.navigate(this.route(referral));
      else {
        this.notice.set(this.t().reviews.nothingToTake);
        this.queue.reload();
      }
    } catch (error) {
      this.notice.set(describeError(error, this.t()));
    } finally {
      this.taking.set(false);
    }
  }
}
