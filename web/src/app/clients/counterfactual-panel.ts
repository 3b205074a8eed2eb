import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';

import type { Counterfactual, RawValue } from '../core/api-types';
import { apiUrls } from '../core/octroi-api';
import { formatFieldValue } from '../shared/format/field-value';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';

/** For a refused client: the smallest change found that would have the credit granted. */
@Component({
  selector: 'app-counterfactual-panel',
  imports: [LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-busy]': 'counterfactual.isLoading()', 'data-panel': 'counterfactual' },
  template: `
    <app-load-status
      [loading]="counterfactual.isLoading()"
      [error]="counterfactual.error()"
      (retry)="counterfactual.reload()"
    />
    @if (counterfactual.hasValue()) {
      @let cf = counterfactual.value();
      <p data-testid="counterfactual-message">{{ cf.message }}</p>
      @if (cf.found && cf.changes.length) {
        <table>
          <caption class="visually-hidden">
            {{
              t().counterfactual.heading
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ t().counterfactual.field }}</th>
              <th scope="col">{{ t().counterfactual.from }}</th>
              <th scope="col">{{ t().counterfactual.to }}</th>
            </tr>
          </thead>
          <tbody>
            @for (change of cf.changes; track change.field) {
              <tr>
                <th scope="row">{{ change.label }}</th>
                <td>{{ format(change.field, change.from) }}</td>
                <td>{{ format(change.field, change.to) }}</td>
              </tr>
            }
          </tbody>
        </table>
        @if (cf.result; as result) {
          <p>
            {{ t().counterfactual.result(i18n.percent(result.probabilityOfDefault), t().decision[result.decision]) }}
            @if (result.verifiedByScoring) {
              {{ t().counterfactual.verified }}
            }
          </p>
        }
        <button type="button" class="secondary" (click)="tryIt.emit(suggestion(cf))">
          {{ t().counterfactual.tryIt }}
        </button>
      }
    }
  `,
})
export class CounterfactualPanel {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly clientId = input.required<number>();
  readonly tryIt = output<Record<string, RawValue>>();

  protected readonly counterfactual = httpResource<Counterfactual>(() =>
    apiUrls.counterfactual(this.clientId(), this.i18n.language()),
  );

  protected format(field: string, value: RawValue): string {
    return formatFieldValue(field, value, this.i18n);
  }

  protected suggestion(cf: Counterfactual): Record<string, RawValue> {
    return Object.fromEntries(cf.changes.map((c) => [c.field, c.to]));
  }
}
