import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';

import type { DecisionMixReport } from '../core/api-types';
import { apiUrls } from '../core/octroi-api';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';
import { DecisionMixPanel } from './decision-mix-panel';
import { DriftPanel } from './drift-panel';
import { GroupApprovalPanel } from './group-approval-panel';
import { DEFAULT_WINDOW, MONITORING_WINDOWS, isMonitoringWindow } from './monitoring-figures';

/**
 * Live decisions watched over a rolling window: drift of the population against the training one, the mix of
 * decisions over time, approval by group. The window and the variable in detail are in the query string.
 */
@Component({
  selector: 'app-monitoring-page',
  imports: [LoadStatus, DriftPanel, DecisionMixPanel, GroupApprovalPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().monitoring.heading }}</h1>
    <p class="lead">{{ t().monitoring.intro }}</p>
    <div class="field">
      <label for="monitoring-window">{{ t().monitoring.window }}</label>
      <select #select id="monitoring-window" (change)="setQuery({ window: select.value })">
        @for (option of windows; track option) {
          <option [value]="option" [selected]="option === shownWindow()">{{ t().monitoring.windows[option] }}</option>
        }
      </select>
    </div>

    <section class="card" aria-labelledby="drift-heading">
      <h2 id="drift-heading">{{ t().monitoring.driftHeading }}</h2>
      <app-drift-panel
        [window]="shownWindow()"
        [variable]="variable()"
        (variableChange)="setQuery({ variable: $event })"
      />
    </section>

    <section class="card" aria-labelledby="mix-heading" data-panel="mix" [attr.aria-busy]="decisions.isLoading()">
      <h2 id="mix-heading">{{ t().monitoring.mixHeading }}</h2>
      <app-load-status [loading]="decisions.isLoading()" [error]="decisions.error()" (retry)="decisions.reload()" />
      @if (decisions.hasValue()) {
        <app-decision-mix-panel [report]="decisions.value()" [window]="shownWindow()" />
      }
    </section>

    <section class="card" aria-labelledby="groups-heading" data-panel="groups" [attr.aria-busy]="decisions.isLoading()">
      <h2 id="groups-heading">{{ t().monitoring.groupsHeading }}</h2>
      @if (decisions.hasValue()) {
        <app-group-approval-panel [report]="decisions.value()" />
      }
    </section>
  `,
})
export class MonitoringPage {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly router = inject(Router);

  // Bound from the query string by the router.
  readonly window = input<string>();
  readonly variable = input<string>();

  protected readonly windows = MONITORING_WINDOWS;
  protected readonly shownWindow = computed(() => {
    const window = this.window();
    return isMonitoringWindow(window) ? window : DEFAULT_WINDOW;
  });

  protected readonly decisions = httpResource<DecisionMixReport>(() => apiUrls.decisionMix(this.shownWindow()));

  protected setQuery(params: { window?: string; variable?: string }): void {
    void this.router.navigate([], { queryParams: params, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
