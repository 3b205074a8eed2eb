import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import type { DecisionHistory } from '../core/api-types';
import { I18n } from '../shared/i18n/i18n';
import { DecisionBadge } from '../shared/ui/decision-badge';

/**
 * A client's decisions, newest first: the model's decision of record for each model version that decided, and
 * what officers decided on it (who, when, their verdict, the reason and their words), with the decision in force.
 */
@Component({
  selector: 'app-decision-history-panel',
  imports: [DecisionBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let words = t().decisionHistory;
    @if (history().decisions.length === 0) {
      <p>{{ words.empty }}</p>
    } @else {
      <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t().tableOf(words.heading)">
        <table data-testid="decision-history">
          <caption class="visually-hidden">
            {{
              words.heading
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ words.date }}</th>
              <th scope="col">{{ words.modelVersion }}</th>
              <th scope="col">{{ words.modelDecision }}</th>
              <th scope="col">{{ words.officerDecisions }}</th>
              <th scope="col">{{ words.standing }}</th>
            </tr>
          </thead>
          <tbody>
            @for (reviewed of history().decisions; track reviewed.model.decisionId) {
              <tr [attr.data-decision-id]="reviewed.model.decisionId">
                <th scope="row">{{ i18n.date(reviewed.model.time) }}</th>
                <td>{{ reviewed.model.modelVersion }}</td>
                <td>
                  <app-decision-badge [decision]="reviewed.model.decision" [short]="true" />
                  <span class="hint">{{ words.probability(i18n.percent(reviewed.model.probabilityOfDefault)) }}</span>
                </td>
                <td>
                  @if (reviewed.officerDecisions.length === 0) {
                    {{ words.none }}
                  } @else {
                    <ul class="officer-decisions">
                      @for (officer of reviewed.officerDecisions; track officer.officerDecisionId) {
                        <li data-testid="officer-decision">
                          {{
                            words.officerLine(
                              officer.officer.displayName,
                              i18n.date(officer.time),
                              t().decision[officer.decision],
                              t().officer.reasons[officer.reasonCode]
                            )
                          }}
                          @if (officer.override) {
                            <strong class="override-tag">{{ t().officer.override }}</strong>
                          }
                          <q>{{ officer.justification }}</q>
                        </li>
                      }
                    </ul>
                  }
                </td>
                <td><app-decision-badge [decision]="reviewed.standing.decision" [short]="true" /></td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class DecisionHistoryPanel {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly history = input.required<DecisionHistory>();
}
