import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import type { OfficerDecision, OfficerReasonCode, OfficerVerdict, ReviewedDecision } from '../core/api-types';
import { OctroiApi, errorBodyOf } from '../core/octroi-api';
import { I18n } from '../shared/i18n/i18n';
import { DecisionBadge } from '../shared/ui/decision-badge';
import { describeError } from '../shared/ui/describe-error';
import { ReviewQueueCount } from './review-queue-count';
import { MIN_JUSTIFICATION, OFFICER_REASON_CODES, nextReviewRoute } from './officer-words';

/**
 * The officer's decision on the model's: the decision in force, and a form to grant or refuse with a reason from
 * the lender's list and a justification. Says before sending whether it confirms or overrides the model. After
 * recording, offers the next application waiting for review.
 */
@Component({
  selector: 'app-officer-decision-panel',
  imports: [DecisionBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let words = t().officer;
    @let standing = reviewed().standing;
    <p data-testid="standing-decision">
      <app-decision-badge [decision]="standing.decision" [short]="true" />
      {{ standingSentence() }}
    </p>
    @if (awaiting()) {
      <p class="notice" data-testid="awaiting-officer">{{ words.awaiting }}</p>
    }
    <form (submit)="submit($event)" novalidate data-testid="officer-decision-form">
      <fieldset
        class="verdict"
        [attr.aria-invalid]="showProblems() && !verdict() ? true : null"
        [attr.aria-describedby]="showProblems() && !verdict() ? ids.verdictError : null"
      >
        <legend>{{ words.formLegend }}</legend>
        <label>
          <input
            type="radio"
            [name]="ids.verdict"
            value="granted"
            [checked]="verdict() === 'granted'"
            (change)="verdict.set('granted')"
          />
          {{ words.grant }}
        </label>
        <label>
          <input
            type="radio"
            [name]="ids.verdict"
            value="refused"
            [checked]="verdict() === 'refused'"
            (change)="verdict.set('refused')"
          />
          {{ words.refuse }}
        </label>
        @if (showProblems() && !verdict()) {
          <p [id]="ids.verdictError" class="field-error">{{ words.chooseDecision }}</p>
        }
      </fieldset>
      @if (consequence(); as consequence) {
        <p class="hint" [class.override-warning]="consequence === 'overrides'" data-testid="decision-effect">
          {{ words[consequence] }}
        </p>
      }
      <div class="field">
        <label [for]="ids.reason">{{ words.reason }}</label>
        <select
          #reasonSelect
          [id]="ids.reason"
          (change)="reason.set($any(reasonSelect.value))"
          [attr.aria-invalid]="showProblems() && !reason() ? true : null"
          [attr.aria-describedby]="showProblems() && !reason() ? ids.reasonError : null"
        >
          <option value="" [selected]="!reason()">{{ words.chooseReason }}</option>
          @for (code of reasonCodes; track code) {
            <option [value]="code" [selected]="reason() === code">{{ words.reasons[code] }}</option>
          }
        </select>
        @if (showProblems() && !reason()) {
          <p [id]="ids.reasonError" class="field-error">{{ words.reasonRequired }}</p>
        }
      </div>
      <div class="field">
        <label [for]="ids.justification">{{ words.justification }}</label>
        <textarea
          #justificationBox
          [id]="ids.justification"
          rows="4"
          maxlength="2000"
          [value]="justification()"
          (input)="justification.set(justificationBox.value)"
          [attr.aria-invalid]="showProblems() && !justified() ? true : null"
          [attr.aria-describedby]="
            ids.justificationHint + (showProblems() && !justified() ? ' ' + ids.justificationError : '')
          "
        ></textarea>
        <p [id]="ids.justificationHint" class="hint">
          {{ words.justificationHint(minimum) }} {{ words.characters(justification().trim().length) }}
        </p>
        @if (showProblems() && !justified()) {
          <p [id]="ids.justificationError" class="field-error">{{ words.justificationTooShort(minimum) }}</p>
        }
      </div>
      <div role="alert" class="form-alert">
        @if (failure(); as failure) {
          <div class="error-box">
            <p>{{ failure.message }}</p>
            @if (failure.conflict) {
              <button type="button" class="secondary" (click)="changed.emit()">{{ words.reload }}</button>
            }
          </div>
        }
      </div>
      <button type="submit" [disabled]="busy()">{{ busy() ? words.submitting : words.submit }}</button>
    </form>
    <div role="status" aria-live="polite">
      @if (recorded(); as recorded) {
        <p class="success-box" data-testid="officer-decision-recorded">
          {{ words.recorded(recorded.officerDecisionId) }}
        </p>
      }
    </div>
    @if (recorded()) {
      <p>
        <button type="button" class="secondary" (click)="next()" [disabled]="busy()" data-testid="next-review">
          {{ words.next }}
        </button>
        @if (noneWaiting()) {
          <span class="hint" role="status">{{ words.noneWaiting }}</span>
        }
      </p>
    }
  `,
})
export class OfficerDecisionPanel {
  private readonly api = inject(OctroiApi);
  private readonly router = inject(Router);
  private readonly queueCount = inject(ReviewQueueCount);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  /** The model's decision of record, with the officers' decisions on it. */
  readonly reviewed = input.required<ReviewedDecision>();
  /** Something changed on the server (a decision recorded, another officer's found): read the history again. */
  readonly changed = output();

  protected readonly minimum = MIN_JUSTIFICATION;
  protected readonly reasonCodes = OFFICER_REASON_CODES;
  protected readonly ids = {
    verdict: 'officer-verdict',
    verdictError: 'officer-verdict-error',
    reason: 'officer-reason',
    reasonError: 'officer-reason-error',
    justification: 'officer-justification',
    justificationHint: 'officer-justification-hint',
    justificationError: 'officer-justification-error',
  };

  protected readonly verdict = signal<OfficerVerdict | undefined>(undefined);
  protected readonly reason = signal<OfficerReasonCode | ''>('');
  protected readonly justification = signal('');
  protected readonly showProblems = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal<{ message: string; conflict: boolean } | undefined>(undefined);
  protected readonly recorded = signal<OfficerDecision | undefined>(undefined);
  protected readonly noneWaiting = signal(false);

  protected readonly justified = computed(() => this.justification().trim().length >= MIN_JUSTIFICATION);
  protected readonly awaiting = computed(
    () => this.reviewed().model.decision === 'referred' && this.reviewed().officerDecisions.length === 0,
  );
  /** What the chosen verdict does to the model's decision, said before it is sent. */
  protected readonly consequence = computed(() => {
    const verdict = this.verdict();
    const model = this.reviewed().model.decision;
    if (!verdict) return undefined;
    if (model !== 'granted' && model !== 'refused') return 'settles' as const;
    return verdict === model ? ('confirms' as const) : ('overrides' as const);
  });
  protected readonly standingSentence = computed(() => {
    const { standing, officerDecisions } = this.reviewed();
    const words = this.t();
    const decision =
      words.decision[
        standing.decision === 'granted' || standing.decision === 'refused' ? standing.decision : 'referred'
      ];
    const latest = officerDecisions.at(-1);
    return standing.by === 'officer' && standing.officer && latest
      ? words.officer.standingOfficer(decision, standing.officer.displayName, this.i18n.date(latest.time))
      : words.officer.standingModel(decision);
  });

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.failure.set(undefined);
    const verdict = this.verdict();
    const reasonCode = this.reason();
    if (!verdict || !reasonCode || !this.justified()) {
      this.showProblems.set(true);
      return;
    }
    this.busy.set(true);
    try {
      const decision = await firstValueFrom(
        this.api.recordOfficerDecision({
          decisionId: this.reviewed().model.decisionId,
          decision: verdict,
          reasonCode,
          justification: this.justification().trim(),
          sequence: this.reviewed().nextSequence,
        }),
      );
      this.recorded.set(decision);
      this.showProblems.set(false);
      this.verdict.set(undefined);
      this.reason.set('');
      this.justification.set('');
      this.queueCount.refresh();
      this.changed.emit();
    } catch (error) {
      const conflict = errorBodyOf(error).status === 409;
      this.failure.set({
        conflict,
        message: conflict ? this.t().officer.conflict : this.t().officer.failed(describeError(error, this.t())),
      });
    } finally {
      this.busy.set(false);
    }
  }

  /** The next referral nobody else holds: taken for this officer, then opened. */
  protected async next(): Promise<void> {
    this.busy.set(true);
    try {
      const { referral } = await firstValueFrom(this.api.takeNextReview());
      this.queueCount.refresh();
      if (!referral) {
        this.noneWaiting.set(true);
        return;
      }
      await this.router.navigate(nextReviewRoute(this.i18n.language(), referral));
    } catch (error) {
      this.failure.set({ conflict: false, message: describeError(error, this.t()) });
    } finally {
      this.busy.set(false);
    }
  }
}
