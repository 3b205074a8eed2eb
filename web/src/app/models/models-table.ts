import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { ModelList, ModelRole, ModelSummary } from '../core/api-types';
import { OctroiApi } from '../core/octroi-api';
import { I18n } from '../shared/i18n/i18n';
import { describeError } from '../shared/ui/describe-error';

type Action = 'champion' | 'challenger' | 'retire';

/**
 * Every bundle with its role and quality. An administrator acts in two steps (the action, then its confirmation),
 * because a promotion changes every decision from the next second on; the result is announced in words.
 */
@Component({
  selector: 'app-models-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!admin()) {
      <p class="hint">{{ t().models.adminOnly }}</p>
    }
    <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t().tableOf(t().models.bundlesHeading)">
      <table data-testid="models-table">
        <caption>
          {{
            t().models.bundlesCaption(list().models.length)
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ t().models.version }}</th>
            <th scope="col">{{ t().models.role }}</th>
            <th scope="col">{{ t().models.trained }}</th>
            <th scope="col">{{ t().models.auc }}</th>
            <th scope="col">{{ t().models.threshold }}</th>
            <th scope="col">{{ t().models.cost }}</th>
            @if (admin()) {
              <th scope="col">{{ t().models.actions }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (model of list().models; track model.version) {
            <tr [attr.data-version]="model.version">
              <th scope="row">
                {{ model.version }}
                <span class="cell-note">{{ model.name }}</span>
              </th>
              <td>
                {{ roleOf(model.role) }}
                @if (model.since) {
                  <span class="cell-note">{{ t().models.since(i18n.date(model.since), model.by ?? '–') }}</span>
                }
                @if (model.reason) {
                  <span class="cell-note">{{ t().models.why(model.reason) }}</span>
                }
              </td>
              <td>
                {{ i18n.date(model.createdAt) }}
                <span class="cell-note">{{ trainedOn(model.trainedOn) }}</span>
              </td>
              <td>{{ i18n.number(model.metrics.auc, 'decimal') }}</td>
              <td>{{ i18n.percent(model.metrics.threshold) }}</td>
              <td>{{ i18n.number(model.metrics.costPerApplicant, 'decimal') }}</td>
              @if (admin()) {
                <td class="actions">
                  @if (pending()?.version === model.version) {
                    <label class="reason">
                      {{ t().models.reasonLabel }}
                      <input
                        type="text"
                        required
                        minlength="3"
                        maxlength="500"
                        data-testid="model-action-reason"
                        [value]="reason()"
                        (input)="onReason($event)"
                      />
                    </label>
                    <button type="button" (click)="confirm(model)" [disabled]="busy() || reason().trim().length < 3">
                      {{ confirmLabel(pending()!.action, model.version) }}
                    </button>
                    <button type="button" class="secondary" (click)="pending.set(null)" [disabled]="busy()">
                      {{ t().models.cancel }}
                    </button>
                  } @else {
                    @for (action of actionsOf(model); track action) {
                      <button type="button" class="secondary" (click)="choose(model.version, action)">
                        {{ actionLabel(action) }}
                      </button>
                    }
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
    <p role="status" aria-live="polite" data-testid="model-action-status">{{ status() }}</p>
  `,
})
export class ModelsTable {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly api = inject(OctroiApi);

  readonly list = input.required<ModelList>();
  readonly admin = input(false);
  readonly changed = output();

  protected readonly pending = signal<{ version: string; action: Action } | null>(null);
  /** Why the administrator acts: required, kept in the audit log with their name. */
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly status = signal('');

  protected choose(version: string, action: Action): void {
    this.reason.set('');
    this.pending.set({ version, action });
  }

  protected onReason(event: Event): void {
    this.reason.set((event.target as HTMLInputElement).value);
  }

  protected roleOf(role: ModelRole | null): string {
    return role ? this.t().models.roles[role] : this.t().models.roles.none;
  }

  protected trainedOn(origin: string): string {
    return (this.t().models.origins as Record<string, string>)[origin] ?? origin;
  }

  /** What an administrator may do with a bundle: the champion only stays; a rollback is a promotion. */
  protected actionsOf(model: ModelSummary): Action[] {
    if (model.role === 'champion') return [];
    if (model.role === 'challenger') return ['champion', 'retire'];
    return ['champion', 'challenger'];
  }

  protected actionLabel(action: Action): string {
    return this.t().models.actions_[action];
  }

  protected confirmLabel(action: Action, version: string): string {
    return this.t().models.confirm[action](version);
  }

  protected async confirm(model: ModelSummary): Promise<void> {
    const action = this.pending()?.action;
    if (!action) return;
    this.busy.set(true);
    try {
      const reason = this.reason().trim();
      const request =
        action === 'retire'
          ? this.api.retireChallenger(reason)
          : this.api.promoteModel(model.version, action, reason);
      await firstValueFrom(request);
      this.status.set(this.t().models.done[action](model.version));
      this.pending.set(null);
      this.changed.emit();
    } catch (error) {
      this.status.set(describeError(error, this.t()));
    } finally {
      this.busy.set(false);
    }
  }
}
