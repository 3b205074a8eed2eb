import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { firstValueFrom, forkJoin } from 'rxjs';

import { ReasonsPanel } from '../clients/reasons-panel';
import type { Explanation, FieldProblem, NewApplication, Score } from '../core/api-types';
import { ModelCatalog } from '../core/model-catalog';
import { OctroiApi, errorBodyOf } from '../core/octroi-api';
import { ScoreGauge } from '../shared/charts/score-gauge';
import { I18n } from '../shared/i18n/i18n';
import { describeError } from '../shared/ui/describe-error';
import {
  FORM_GROUPS,
  type FormField,
  type FormFieldName,
  columnOf,
  parseNumber,
  toRawApplication,
} from './application-fields';
import { EMPTY_HISTORY, type HistoryDraft, historyTables } from './history-rows';
import { FormControl } from './form-control';
import { HistorySection } from './history-section';
import { type FormProblem, wordProblem } from './intake-problems';

/**
 * A new client's file: score, decision and explanation. Numbers are checked as they are
 * typed; everything else by the intake rules at the gateway, whose 400 lists every problem:
 * each is worded in the officer's language next to its field, and listed above the form.
 */
@Component({
  selector: 'app-new-application-page',
  imports: [ScoreGauge, ReasonsPanel, HistorySection, FormControl],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t().application.heading }}</h1>
    <p class="lead">{{ t().application.intro }}</p>

    <form class="application-form card" (submit)="submit($event)" novalidate>
      <div role="alert" class="form-alert">
        @if (worded().length > 0) {
          <div class="error-box" data-testid="application-error">
            <p>{{ t().application.errorSummary(worded().length) }}</p>
            <ul>
              @for (problem of worded(); track $index) {
                <li>
                  @if (problem.field; as field) {
                    <a [href]="'#app-' + field" (click)="focusInput($event, 'app-' + field)">{{
                      t().application.fields[field]
                    }}</a>
                  } @else if (problem.inputId; as inputId) {
                    <a [href]="'#' + inputId" (click)="focusInput($event, inputId)"
                      ><code>{{ problem.apiField }}</code></a
                    >
                  } @else {
                    <code>{{ problem.apiField }}</code>
                  }
                  {{ i18n.colon() }} {{ problem.text }}
                </li>
              }
            </ul>
          </div>
        } @else if (failure(); as message) {
          <div class="error-box" data-testid="application-error">
            <p>{{ message }}</p>
          </div>
        }
      </div>
      @for (group of groups; track group.group) {
        <fieldset>
          <legend>{{ t().application.groups[group.group] }}</legend>
          @for (field of group.fields; track field.name) {
            <app-form-control
              [controlId]="'app-' + field.name"
              [label]="t().application.fields[field.name]"
              [categories]="field.kind === 'category' ? categoriesOf(field) : undefined"
              [value]="values()[field.name]"
              [required]="isRequired(field.name)"
              [message]="messageFor(field.name)"
              (changed)="set(field.name, $event)"
            />
          }
        </fieldset>
      }
      <app-history-section [(draft)]="history" [tables]="historyTables()" [messages]="historyMessages()" />
      <div class="form-actions">
        <button type="submit" [disabled]="busy()">
          {{ busy() ? t().application.submitting : t().application.submit }}
        </button>
        <button type="button" class="secondary" (click)="reset()">{{ t().application.reset }}</button>
      </div>
    </form>

    @if (result(); as r) {
      <section
        class="card"
        aria-labelledby="result-heading"
        tabindex="-1"
        id="application-result"
        data-testid="application-result"
      >
        <h2 id="result-heading">{{ t().application.resultHeading }}</h2>
        <app-score-gauge
          [probability]="r.score.probabilityOfDefault"
          [threshold]="r.score.threshold"
          [decision]="r.score.decision"
        />
        <h3>{{ t().reasons.heading }}</h3>
        <app-reasons-panel [explanation]="r.explanation" />
      </section>
    }
  `,
})
export class NewApplicationPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(OctroiApi);
  private readonly catalog = inject(ModelCatalog);
  protected readonly t = this.i18n.t;
  protected readonly groups = FORM_GROUPS;

  protected readonly values = signal<Partial<Record<FormFieldName, string>>>({});
  protected readonly busy = signal(false);
  /** The intake problems of the last answer, as the API listed them. */
  private readonly problems = signal<FieldProblem[]>([]);
  /** Any other failure, in words. */
  protected readonly failure = signal<string | null>(null);
  /** The applicant's history: typed credits and previous applications, imported rows. */
  protected readonly history = signal<HistoryDraft>(EMPTY_HISTORY);
  protected readonly historyTables = computed(() =>
    this.catalog.model.hasValue() ? this.catalog.model.value().historyTables : [],
  );
  /** The problems in the officer's language (worded again when the language changes). */
  protected readonly worded = computed<FormProblem[]>(() =>
    this.problems().map((p) => wordProblem(p, this.i18n, this.history())),
  );
  /** Problems of typed history rows, by the id of their input. */
  protected readonly historyMessages = computed(
    () => new Map(this.worded().flatMap((p) => (p.inputId?.startsWith('hist-') ? [[p.inputId, p.text] as const] : []))),
  );
  /** The fields the intake rules require, as the model describes them. */
  private readonly required = computed(() => {
    const model = this.catalog.model.hasValue() ? this.catalog.model.value() : undefined;
    return new Set((model?.applicationFields ?? []).filter((f) => f.required).map((f) => f.name));
  });
  protected readonly result = signal<{ score: Score; explanation: Explanation } | null>(null);

  /** Fields typed as numbers that do not read as one. */
  private readonly notNumbers = computed(() => {
    const values = this.values();
    return new Set(
      FORM_GROUPS.flatMap((g) => g.fields)
        .filter(
          (f) => f.kind !== 'category' && values[f.name]?.trim() && parseNumber(values[f.name] ?? '') === undefined,
        )
        .map((f) => f.name),
    );
  });

  protected categoriesOf(field: FormField): readonly string[] {
    const model = this.catalog.model.hasValue() ? this.catalog.model.value() : undefined;
    return model?.features.find((f) => f.name === field.name)?.categories ?? field.categories ?? [];
  }

  protected isRequired(name: FormFieldName): boolean {
    return this.required().has(columnOf(name));
  }

  protected messageFor(name: FormFieldName): string | null {
    if (this.notNumbers().has(name)) return this.t().application.notANumber;
    return this.worded().find((p) => p.field === name)?.text ?? null;
  }

  protected set(name: FormFieldName, value: string): void {
    this.values.update((values) => ({ ...values, [name]: value }));
    // The officer is correcting this field: its problem is no longer the latest word on it.
    this.problems.update((problems) => problems.filter((p) => wordProblem(p, this.i18n).field !== name));
  }

  protected reset(): void {
    this.values.set({});
    this.history.set(EMPTY_HISTORY);
    this.problems.set([]);
    this.failure.set(null);
    this.result.set(null);
  }

  protected focusInput(event: Event, id: string): void {
    event.preventDefault();
    document.getElementById(id)?.focus();
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const invalid = [...this.notNumbers()][0];
    if (invalid) {
      document.getElementById(`app-${invalid}`)?.focus();
      return;
    }
    this.busy.set(true);
    this.problems.set([]);
    this.failure.set(null);
    // The fields and the history tables of one body (its type cannot say both an index of values and the tables).
    const application = { ...toRawApplication(this.values()), ...historyTables(this.history()) } as NewApplication;
    try {
      const [score, explanation] = await firstValueFrom(
        forkJoin([
          this.api.scoreApplication(application),
          this.api.explainApplication(application, this.i18n.language()),
        ]),
      );
      this.result.set({ score, explanation });
      setTimeout(() => document.getElementById('application-result')?.focus());
    } catch (error) {
      this.result.set(null);
      const body = errorBodyOf(error);
      if (body.status === 400 && body.errors.length > 0) {
        this.problems.set(body.errors);
        const first = this.worded().find((p) => p.inputId)?.inputId;
        if (first) setTimeout(() => document.getElementById(first)?.focus());
      } else if (body.status === 400 && body.message) {
        this.failure.set(body.message);
      } else {
        this.failure.set(describeError(error, this.t()));
      }
    } finally {
      this.busy.set(false);
    }
  }
}
