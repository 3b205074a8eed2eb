import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import type { ClientPage } from '../core/api-types';
import { apiUrls } from '../core/octroi-api';
import { I18n } from '../shared/i18n/i18n';
import { DecisionBadge } from '../shared/ui/decision-badge';

const TYPE_AHEAD_DELAY_MS = 200;
const ID_PREFIX = /^\d{1,10}$/;

/**
 * Finds a client by number as it is typed: the first matches appear as links below the
 * field, and Enter opens the number typed. Plain links and a form, so the keyboard and
 * screen readers need nothing special.
 */
@Component({
  selector: 'app-client-finder',
  imports: [RouterLink, DecisionBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="finder" role="search" (submit)="open($event)">
      <label for="client-search">{{ t().clients.searchLabel }}</label>
      <p id="client-search-hint" class="hint">{{ t().clients.searchHint }}</p>
      <div class="finder-row">
        <input
          #search
          id="client-search"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          aria-describedby="client-search-hint client-search-count"
          [value]="query()"
          (input)="query.set(search.value.trim())"
          (keydown.escape)="closeMatches($event)"
          data-testid="client-search"
        />
        <button type="submit">{{ t().clients.open }}</button>
      </div>
      <p id="client-search-count" class="visually-hidden" aria-live="polite">{{ countText() }}</p>
      @if (matches().length) {
        <ul class="finder-matches" data-testid="client-matches">
          @for (match of matches(); track match.clientId) {
            <li>
              <a [routerLink]="['/', i18n.language(), 'clients', match.clientId]">
                <span class="client-number">{{ match.clientId }}</span>
                <span>{{ i18n.percent(match.probabilityOfDefault) }}</span>
                <app-decision-badge [decision]="match.decision" [short]="true" />
              </a>
            </li>
          }
        </ul>
      }
    </form>
  `,
})
export class ClientFinder {
  protected readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  protected readonly t = this.i18n.t;

  protected readonly query = signal('');
  private readonly settled = signal('');

  private readonly results = httpResource<ClientPage>(() =>
    ID_PREFIX.test(this.settled()) ? apiUrls.clients({ page: 1, pageSize: 8, search: this.settled() }) : undefined,
  );

  protected readonly matches = computed(() =>
    this.results.hasValue() && ID_PREFIX.test(this.query()) ? this.results.value().items : [],
  );

  protected readonly countText = computed(() => {
    if (!ID_PREFIX.test(this.settled()) || !this.results.hasValue()) return '';
    const total = this.results.value().total;
    return total === 0 ? this.t().clients.searchNoMatch : this.t().clients.searchMatches(total);
  });

  constructor() {
    effect((onCleanup) => {
      const query = this.query();
      const timer = setTimeout(() => this.settled.set(query), TYPE_AHEAD_DELAY_MS);
      onCleanup(() => clearTimeout(timer));
    });
  }

  /** Escape empties the field and closes the list of matches; a second Escape reaches whatever holds the finder. */
  protected closeMatches(event: Event): void {
    if (!this.query()) return;
    event.stopPropagation();
    this.query.set('');
  }

  protected open(event: Event): void {
    event.preventDefault();
    const id = this.query();
    if (ID_PREFIX.test(id)) void this.router.navigate(['/', this.i18n.language(), 'clients', Number(id)]);
  }
}
