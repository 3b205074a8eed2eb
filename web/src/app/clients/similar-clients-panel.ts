import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { SimilarClients } from '../core/api-types';
import { apiUrls } from '../core/octroi-api';
import { I18n } from '../shared/i18n/i18n';
import { DecisionBadge } from '../shared/ui/decision-badge';
import { LoadStatus } from '../shared/ui/load-status';

/** The nearest clients, with what became of them and their score. */
@Component({
  selector: 'app-similar-clients-panel',
  imports: [RouterLink, DecisionBadge, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-busy]': 'similar.isLoading()', 'data-panel': 'similar' },
  template: `
    <app-load-status [loading]="similar.isLoading()" [error]="similar.error()" (retry)="similar.reload()" />
    @if (similar.hasValue()) {
      @let result = similar.value();
      <p>{{ t().similar.intro(result.neighbours.length) }} {{ outcomeSummary() }}</p>
      <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t().tableOf(t().similar.heading)">
        <table>
          <caption class="visually-hidden">
            {{
              t().similar.heading
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ t().similar.client }}</th>
              <th scope="col">{{ t().similar.outcome }}</th>
              <th scope="col" class="num">{{ t().similar.probability }}</th>
              <th scope="col">{{ t().similar.decision }}</th>
            </tr>
          </thead>
          <tbody>
            @for (n of result.neighbours; track n.clientId) {
              <tr>
                <th scope="row">
                  <a [routerLink]="['/', i18n.language(), 'clients', n.clientId]" queryParamsHandling="preserve">{{
                    n.clientId
                  }}</a>
                </th>
                <td>
                  <span [class]="'outcome ' + (n.knownOutcome ?? 'unknown')">{{
                    n.knownOutcome ? t().outcome[n.knownOutcome] : t().outcome.unknown
                  }}</span>
                </td>
                <td class="num">{{ i18n.percent(n.probabilityOfDefault) }}</td>
                <td><app-decision-badge [decision]="n.decision" [short]="true" /></td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class SimilarClientsPanel {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly clientId = input.required<number>();

  protected readonly similar = httpResource<SimilarClients>(() => apiUrls.similar(this.clientId(), 10));

  protected readonly outcomeSummary = computed(() => {
    if (!this.similar.hasValue()) return '';
    const neighbours = this.similar.value().neighbours;
    return this.t().similar.summary(
      neighbours.filter((n) => n.knownOutcome === 'repaid').length,
      neighbours.filter((n) => n.knownOutcome === 'defaulted').length,
    );
  });
}
