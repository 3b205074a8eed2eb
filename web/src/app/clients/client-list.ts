import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import type { ClientPage, ClientQuery, ClientSortKey, Decision } from '../core/api-types';
import { apiUrls } from '../core/octroi-api';
import { I18n } from '../shared/i18n/i18n';
import { DecisionBadge } from '../shared/ui/decision-badge';
import { LoadStatus } from '../shared/ui/load-status';

export type RiskBand = 'low' | 'medium' | 'high';

/** The list's filters as they appear in the page's query string. */
export interface ClientFilters {
  page: number;
  decision?: Decision;
  band?: RiskBand;
  contract?: string;
  minIncome?: number;
  maxIncome?: number;
  sort?: ClientSortKey;
  order?: 'asc' | 'desc';
}

/** The columns a click on the heading sorts by, and the direction a first click sorts in (riskiest first). */
const SORTABLE: Record<ClientSortKey, 'asc' | 'desc'> = {
  clientId: 'asc',
  probabilityOfDefault: 'desc',
  ageYears: 'asc',
  incomeTotal: 'desc',
  creditAmount: 'desc',
};

const PAGE_SIZE = 20;
const BANDS: Record<RiskBand, [number, number]> = { low: [0, 0.1], medium: [0.1, 0.3], high: [0.3, 1] };

export function toClientQuery(filters: ClientFilters): ClientQuery {
  const band = filters.band ? BANDS[filters.band] : undefined;
  return {
    page: filters.page,
    pageSize: PAGE_SIZE,
    decision: filters.decision,
    minProbability: band?.[0],
    maxProbability: band?.[1],
    contractType: filters.contract,
    minIncome: filters.minIncome,
    maxIncome: filters.maxIncome,
    sort: filters.sort,
    order: filters.sort ? filters.order : undefined,
  };
}

/** A page of clients with filters on decision, risk band, contract and income; the filters live in the URL. */
@Component({
  selector: 'app-client-list',
  imports: [RouterLink, DecisionBadge, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="filters" (submit)="apply($event, filterForm)" #filterForm [attr.aria-label]="t().clients.filters">
      <div class="field">
        <label for="filter-decision">{{ t().clients.decisionFilter }}</label>
        <select id="filter-decision" name="decision">
          <option value="" [selected]="!filters().decision">{{ t().clients.anyDecision }}</option>
          <option value="granted" [selected]="filters().decision === 'granted'">{{ t().decision.grantedShort }}</option>
          <option value="referred" [selected]="filters().decision === 'referred'">
            {{ t().decision.referredShort }}
          </option>
          <option value="refused" [selected]="filters().decision === 'refused'">{{ t().decision.refusedShort }}</option>
        </select>
      </div>
      <div class="field">
        <label for="filter-band">{{ t().clients.band }}</label>
        <select id="filter-band" name="band">
          <option value="" [selected]="!filters().band">{{ t().clients.anyBand }}</option>
          <option value="low" [selected]="filters().band === 'low'">{{ t().clients.bandLow }}</option>
          <option value="medium" [selected]="filters().band === 'medium'">{{ t().clients.bandMedium }}</option>
          <option value="high" [selected]="filters().band === 'high'">{{ t().clients.bandHigh }}</option>
        </select>
      </div>
      <div class="field">
        <label for="filter-contract">{{ t().clients.contractType }}</label>
        <select id="filter-contract" name="contract">
          <option value="" [selected]="!filters().contract">{{ t().clients.anyContract }}</option>
          <option value="Cash loans" [selected]="filters().contract === 'Cash loans'">
            {{ t().clients.cashLoans }}
          </option>
          <option value="Revolving loans" [selected]="filters().contract === 'Revolving loans'">
            {{ t().clients.revolvingLoans }}
          </option>
        </select>
      </div>
      <div class="field">
        <label for="filter-min-income">{{ t().clients.minIncome }}</label>
        <input
          id="filter-min-income"
          name="minIncome"
          type="number"
          min="0"
          step="1000"
          [value]="filters().minIncome ?? ''"
        />
      </div>
      <div class="field">
        <label for="filter-max-income">{{ t().clients.maxIncome }}</label>
        <input
          id="filter-max-income"
          name="maxIncome"
          type="number"
          min="0"
          step="1000"
          [value]="filters().maxIncome ?? ''"
        />
      </div>
      <div class="filter-actions">
        <button type="submit">{{ t().clients.applyFilters }}</button>
        <button type="button" class="secondary" (click)="navigate({ page: 1 })">{{ t().clients.resetFilters }}</button>
      </div>
    </form>

    <app-load-status [loading]="clients.isLoading()" [error]="clients.error()" (retry)="clients.reload()" />
    @if (clients.hasValue()) {
      @let page = clients.value();
      @if (page.items.length === 0) {
        <p>{{ t().clients.none }}</p>
      } @else {
        <p class="hint" id="history-hint">{{ t().clients.historyHint }}</p>
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t().tableOf(t().clients.listHeading)">
          <table class="client-table" data-testid="client-table">
            <caption class="visually-hidden">
              {{
                t().clients.listHeading
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col" [attr.aria-sort]="ariaSort('clientId')">
                  <button type="button" class="sort-button" (click)="sortBy('clientId')">
                    {{ t().clients.columns.client
                    }}<span class="sort-mark" aria-hidden="true">{{ sortMark('clientId') }}</span>
                  </button>
                </th>
                <th scope="col" class="num" [attr.aria-sort]="ariaSort('probabilityOfDefault')">
                  <button type="button" class="sort-button" (click)="sortBy('probabilityOfDefault')">
                    {{ t().clients.columns.probability
                    }}<span class="sort-mark" aria-hidden="true">{{ sortMark('probabilityOfDefault') }}</span>
                  </button>
                </th>
                <th scope="col">{{ t().clients.columns.decision }}</th>
                <th scope="col">
                  {{ t().clients.columns.outcome }}
                  <span class="history-note">{{ t().clients.columns.outcomeNote }}</span>
                </th>
                <th scope="col" class="num" [attr.aria-sort]="ariaSort('ageYears')">
                  <button type="button" class="sort-button" (click)="sortBy('ageYears')">
                    {{ t().clients.columns.age
                    }}<span class="sort-mark" aria-hidden="true">{{ sortMark('ageYears') }}</span>
                  </button>
                </th>
                <th scope="col" class="num" [attr.aria-sort]="ariaSort('incomeTotal')">
                  <button type="button" class="sort-button" (click)="sortBy('incomeTotal')">
                    {{ t().clients.columns.income
                    }}<span class="sort-mark" aria-hidden="true">{{ sortMark('incomeTotal') }}</span>
                  </button>
                </th>
                <th scope="col" class="num" [attr.aria-sort]="ariaSort('creditAmount')">
                  <button type="button" class="sort-button" (click)="sortBy('creditAmount')">
                    {{ t().clients.columns.credit
                    }}<span class="sort-mark" aria-hidden="true">{{ sortMark('creditAmount') }}</span>
                  </button>
                </th>
                <th scope="col">{{ t().clients.columns.contract }}</th>
              </tr>
            </thead>
            <tbody>
              @for (client of page.items; track client.clientId) {
                <tr>
                  <th scope="row">
                    <a [routerLink]="['/', i18n.language(), 'clients', client.clientId]">{{ client.clientId }}</a>
                  </th>
                  <td class="num">{{ i18n.percent(client.probabilityOfDefault) }}</td>
                  <td><app-decision-badge [decision]="client.decision" [short]="true" /></td>
                  <td class="history">{{ outcomeWords(client.knownOutcome) }}</td>
                  <td class="num">
                    {{ client.ageYears === null ? '–' : t().clients.years(i18n.number(client.ageYears, 'integer')) }}
                  </td>
                  <td class="num">{{ i18n.currency(client.incomeTotal) }}</td>
                  <td class="num">{{ i18n.currency(client.creditAmount) }}</td>
                  <td>{{ client.contractType ? i18n.category(client.contractType) : '–' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <nav class="pager" [attr.aria-label]="t().clients.listHeading">
          <button
            type="button"
            class="secondary"
            [disabled]="page.page <= 1"
            (click)="navigate({ ...filters(), page: page.page - 1 })"
          >
            {{ t().clients.previous }}
          </button>
          <p aria-live="polite">{{ t().clients.pageOf(page.page, pages(), i18n.number(page.total, 'integer')) }}</p>
          <button
            type="button"
            class="secondary"
            [disabled]="page.page >= pages()"
            (click)="navigate({ ...filters(), page: page.page + 1 })"
          >
            {{ t().clients.next }}
          </button>
        </nav>
      }
    }
  `,
})
export class ClientList {
  protected readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  protected readonly t = this.i18n.t;

  readonly filters = input.required<ClientFilters>();

  protected readonly clients = httpResource<ClientPage>(() => apiUrls.clients(toClientQuery(this.filters())));
  protected readonly pages = computed(() => {
    const page = this.clients.hasValue() ? this.clients.value() : undefined;
    return page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  });

  protected ariaSort(key: ClientSortKey): 'ascending' | 'descending' | null {
    const { sort, order } = this.filters();
    if ((sort ?? 'clientId') !== key) return null;
    return (order ?? 'asc') === 'asc' ? 'ascending' : 'descending';
  }

  protected sortMark(key: ClientSortKey): string {
    const direction = this.ariaSort(key);
    return direction === null ? '' : direction === 'ascending' ? ' ▲' : ' ▼';
  }

  /** A first click sorts in the column's telling direction; a second click turns it round. Back to page 1. */
  protected sortBy(key: ClientSortKey): void {
    const current = this.ariaSort(key);
    const order = current === null ? SORTABLE[key] : current === 'ascending' ? 'desc' : 'asc';
    this.navigate({ ...this.filters(), page: 1, sort: key, order });
  }

  protected outcomeWords(outcome: 'repaid' | 'defaulted' | null): string {
    return outcome ? this.t().outcome[outcome] : this.t().outcome.unknown;
  }

  protected apply(event: Event, form: HTMLFormElement): void {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => (data.get(name) as string | null) || undefined;
    const amount = (name: string) => {
      const value = text(name);
      return value === undefined || Number.isNaN(Number(value)) ? undefined : Number(value);
    };
    this.navigate({
      page: 1,
      decision: text('decision') as Decision | undefined,
      band: text('band') as RiskBand | undefined,
      contract: text('contract'),
      minIncome: amount('minIncome'),
      maxIncome: amount('maxIncome'),
      sort: this.filters().sort,
      order: this.filters().order,
    });
  }

  protected navigate(filters: ClientFilters): void {
    const queryParams = { ...filters, page: filters.page > 1 ? filters.page : undefined };
    void this.router.navigate(['/', this.i18n.language(), 'clients'], { queryParams });
  }
}
