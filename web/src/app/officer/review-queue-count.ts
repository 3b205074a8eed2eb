import { httpResource } from '@angular/common/http';
import { Injectable, computed, inject } from '@angular/core';

import { Session } from '../auth/session';
import type { ReviewQueue } from '../core/api-types';
import { apiUrls } from '../core/octroi-api';

/**
 * How many referred applications wait for an officer, for the navigation. Asked once signed in, and again when
 * an officer decides or takes one (`refresh`) and on each change of page, so the count follows the work.
 */
@Injectable({ providedIn: 'root' })
export class ReviewQueueCount {
  private readonly session = inject(Session);
  private readonly queue = httpResource<ReviewQueue>(() => (this.session.signedIn() ? apiUrls.reviews(1) : undefined));

  /** undefined until known (or when the gateway cannot say). */
  readonly waiting = computed(() => (this.queue.hasValue() ? this.queue.value().waiting : undefined));

  refresh(): void {
    if (this.session.signedIn()) this.queue.reload();
  }
}
