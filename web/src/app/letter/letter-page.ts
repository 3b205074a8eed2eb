import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  numberAttribute,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import { Session } from '../auth/session';
import type { Counterfactual, DecisionHistory, DecisionRecord, Explanation, Score } from '../core/api-types';
import { apiUrls } from '../core/octroi-api';
import { I18n } from '../shared/i18n/i18n';
import { LoadStatus } from '../shared/ui/load-status';

/**
 * The letter an officer gives the client: the decision (the officer's when one decided, else the model's decision of
 * record) with its date and reference, the main reasons in
 * plain words, what would change the decision, the right to a review by a person, and, for a refusal, what an
 * adverse-action notice must carry. Printed with its own stylesheet (the dashboard's frame is left out), or
 * downloaded as a PDF made in the browser from the same text.
 */
@Component({
  selector: 'app-letter-page',
  imports: [RouterLink, LoadStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-busy]': 'loading()', 'data-panel': 'letter' },
  template: `
    <div class="letter-tools no-print">
      <a [routerLink]="['/', i18n.language(), 'clients', clientId()]">{{ t().letter.back }}</a>
      <button type="button" (click)="print()">{{ t().letter.print }}</button>
      <button type="button" class="secondary" (click)="download()" [disabled]="!ready() || downloading()">
        {{ downloading() ? t().letter.downloading : t().letter.download }}
      </button>
    </div>
    <app-load-status
      [loading]="loading()"
      [error]="score.error() ?? record.error() ?? history.error() ?? explanation.error()"
      (retry)="reload()"
    />
    @if (ready()) {
      @let s = score.value()!;
      @let words = t().letter;
      <article class="letter" #letter data-testid="letter" [attr.lang]="i18n.language()">
        <header class="letter-head">
          <p class="letter-lender">
            <strong>{{ words.lender }}</strong><br />{{ words.lenderAddress }}
          </p>
          <p data-testid="letter-reference">{{ words.reference(s.decisionId ?? '') }}</p>
          <p data-testid="letter-date">{{ words.date(i18n.date(decidedAt())) }}</p>
          <p>{{ words.client(clientId()) }}</p>
        </header>
        <h1>{{ words.subject }}</h1>
        <p>{{ words.greeting }}</p>
        <p class="letter-decision" data-testid="letter-decision">{{ decisionSentence() }}</p>
        @if (officerDecision(); as officer) {
          <p data-testid="letter-officer-review">
            {{ words.decidedBy(officer.officer.displayName, t().officer.reasons[officer.reasonCode]) }}
          </p>
        }

        <h2>{{ words.reasonsHeading[kind()] }}</h2>
        <p>{{ words.reasonsIntro }}</p>
        <ul data-testid="letter-reasons">
          @for (reason of reasons(); track reason.feature) {
            <li>{{ reason.text }}</li>
          }
        </ul>

        @if (kind() !== 'granted') {
          <h2>{{ words.changeHeading }}</h2>
          <p data-testid="letter-change">{{ change() }}</p>
        }

        <h2>{{ words.reviewHeading }}</h2>
        <p data-testid="letter-review">{{ officerDecision() ? words.reviewByOfficer : words.review }}</p>

        @if (kind() === 'refused') {
          <h2>{{ words.adverseHeading }}</h2>
          <ul data-testid="letter-adverse">
            @for (line of words.adverse; track $index) {
              <li>{{ line }}</li>
            }
          </ul>
        }

        <p>{{ words.closing }}</p>
        <p class="letter-signature" data-testid="letter-officer">
          {{ signedBy() }}<br />{{ words.signature }}, {{ words.lender }}
        </p>
      </article>
    }
  `,
})
export class LetterPage {
  protected readonly i18n = inject(I18n);
  protected readonly session = inject(Session);
  protected readonly t = this.i18n.t;

  readonly clientId = input.required({ transform: numberAttribute });
  private readonly letter = viewChild<ElementRef<HTMLElement>>('letter');
  protected readonly downloading = signal(false);

  protected readonly score = httpResource<Score>(() => apiUrls.score(this.clientId()));
  /** The decision of record, for its date. */
  protected readonly record = httpResource<DecisionRecord>(() => {
    const id = this.score.hasValue() ? this.score.value().decisionId : undefined;
    return id ? apiUrls.decision(id) : undefined;
  });
  protected readonly explanation = httpResource<Explanation>(() =>
    apiUrls.explanation(this.clientId(), this.i18n.language()),
  );
  /** What officers decided on the decision of record: the latest one is the decision the letter gives. */
  protected readonly history = httpResource<DecisionHistory>(() =>
    this.score.hasValue() && this.score.value().decisionId ? apiUrls.decisionHistory(this.clientId()) : undefined,
  );
  protected readonly officerDecision = computed(() => {
    if (!this.score.hasValue() || !this.history.hasValue()) return undefined;
    const { decisionId } = this.score.value();
    return this.history
      .value()
      .decisions.find((d) => d.model.decisionId === decisionId)
      ?.officerDecisions.at(-1);
  });
  /** The officer's decision when there is one, else the model's decision of record. */
  protected readonly decidedAt = computed(() => this.officerDecision()?.time ?? this.record.value()?.time ?? '');
  protected readonly signedBy = computed(
    () => this.officerDecision()?.officer.displayName ?? this.session.user()?.displayName,
  );
  protected readonly counterfactual = httpResource<Counterfactual>(() =>
    this.kind() === 'granted' ? undefined : apiUrls.counterfactual(this.clientId(), this.i18n.language()),
  );

  /** An unknown decision value reads as referred: never as a grant. */
  protected readonly kind = computed(() => {
    const decision =
      this.officerDecision()?.decision ?? (this.score.hasValue() ? this.score.value().decision : 'referred');
    return decision === 'granted' || decision === 'refused' ? decision : 'referred';
  });
  protected readonly loading = computed(
    () =>
      this.score.isLoading() ||
      this.record.isLoading() ||
      this.history.isLoading() ||
      this.explanation.isLoading() ||
      this.counterfactual.isLoading(),
  );
  protected readonly ready = computed(
    () =>
      this.score.hasValue() &&
      this.record.hasValue() &&
      this.history.hasValue() &&
      this.explanation.hasValue() &&
      !this.counterfactual.isLoading(),
  );

  protected readonly decisionSentence = computed(() => this.t().letter.decision[this.kind()]);
  /** The reasons that support the decision: in its favour for a grant, against it otherwise. At most four. */
  protected readonly reasons = computed(() => {
    if (!this.explanation.hasValue()) return [];
    const e = this.explanation.value();
    return (this.kind() === 'granted' ? e.favourableReasons : e.adverseReasons).slice(0, 4);
  });
  protected readonly change = computed(() => {
    const cf = this.counterfactual.hasValue() ? this.counterfactual.value() : undefined;
    return cf?.found && cf.changes.length ? cf.message : this.t().letter.noChange;
  });

  protected reload(): void {
    this.score.reload();
    this.history.reload();
    this.explanation.reload();
  }

  protected print(): void {
    window.print();
  }

  /** The PDF writer is loaded only when a letter is downloaded: it stays out of every page's first load. */
  protected async download(): Promise<void> {
    const letter = this.letter()?.nativeElement;
    if (!letter) return;
    this.downloading.set(true);
    try {
      const { letterPdf } = await import('./letter-pdf');
      const reference = this.score.value()?.decisionId ?? String(this.clientId());
      letterPdf(letter).save(`${this.t().titles.letter(this.clientId())} - ${reference}.pdf`);
    } finally {
      this.downloading.set(false);
    }
  }
}
