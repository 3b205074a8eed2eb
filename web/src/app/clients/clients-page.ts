import { ChangeDetectionStrategy, Component, computed, inject, input, numberAttribute } from '@angular/core';

import type { ClientSortKey, Decision } from '../core/api-types';
import { I18n } from '../shared/i18n/i18n';
import { ClientFinder } from './client-finder';
import { type ClientFilters, ClientList, type RiskBand } from './client-list';

const optionalNumber = (value: unknown) =>
  value === undefined || value === null || value === '' ? undefined : numberAttribute(value);

/** The start page: find a client by number, or browse and filter the list. */
@Component({
  selector: 'app-clients-page',
  imports: [ClientFinder, ClientList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().titles.clients }}</h1>
    <p class="lead">{{ t().clients.chooseClient }}</p>
    <section class="card" aria-labelledby="find-heading">
      <h2 id="find-heading">{{ t().clients.findHeading }}</h2>
      <app-client-finder />
    </section>
    <section class="card" aria-labelledby="list-heading">
      <h2 id="list-heading">{{ t().clients.listHeading }}</h2>
      <app-client-list [filters]="filters()" />
    </section>
  `,
})
export class ClientsPage {
  protected readonly t = inject(I18n).t;

  // Bound from the query string by the router.
  readonly page = input(1, { transform: (value: unknown) => optionalNumber(value) ?? 1 });
  readonly decision = input<Decision>();
  readonly band = input<RiskBand>();
  readonly contract = input<string>();
  readonly minIncome = input(undefined, { transform: optionalNumber });
  readonly maxIncome = input(undefined, { transform: optionalNumber });
  readonly sort = input<ClientSortKey>();
  readonly order = input<'asc' | 'desc'>();

  protected readonly filters = computed<ClientFilters>(() => ({
    page: this.page(),
    decision: this.decision(),
    band: this.band(),
    contract: this.contract(),
    minIncome: this.minIncome(),
    maxIncome: this.maxIncome(),
    sort: this.sort(),
    order: this.order(),
  }));
}
