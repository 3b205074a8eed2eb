import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { catchError, debounceTime, map, of, startWith, switchMap } from 'rxjs';

import type { ClientRecord, LabelledField, RawApplication, RawValue, WhatIf } from '../core/api-types';
import { ModelCatalog } from '../core/model-catalog';
import { OctroiApi, errorBodyOf } from '../core/octroi-api';
import { ScoreGauge } from '../shared/charts/score-gauge';
import { formatFieldValue } from '../shared/format/field-value';
import { I18n } from '../shared/i18n/i18n';
import { DecisionBadge } from '../shared/ui/decision-badge';
import { describeError } from '../shared/ui/describe-error';
import { ReasonsPanel } from './reasons-panel';

const DEBOUNCE_MS = 300;

/** The loan's amount and its repayment: the repayment follows the amount, at the same term, until it is edited. */
const AMOUNT = 'AMT_CREDIT';
const REPAYMENT = 'AMT_ANNUITY';

/** A number as typed in either language: "0,33" or "0.33", spaces between thousands allowed. */
export function parseTypedNumber(text: string, language: 'fr' | 'en'): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  return Number(language === 'fr' ? compact.replace(',', '.') : compact.replace(/,/g, ''));
}

type Simulation =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'done'; result: WhatIf }
  | { state: 'failed'; message: string; field?: string };

/**
 * Change the loan's terms and see, live, the new probability of default, the decision and its
 * reasons, with the gap from the current score. Only the fields the lender's policy calls
 * actionable are offered (never gender, age, family or when the application was made).
 */
@Component({
  selector: 'app-what-if-panel',
  imports: [ScoreGauge, DecisionBadge, ReasonsPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>{{ t().whatIf.intro }}</p>
    <form class="what-if-form" (submit)="$event.preventDefault()">
      @for (field of editedFields(); track field.name) {
        <div class="field what-if-field">
          <label [attr.for]="'what-if-' + field.name">{{ field.label }}</label>
          <input
            #box
            [id]="'what-if-' + field.name"
            [attr.data-field]="field.name"
            type="text"
            [attr.inputmode]="typeof field.value === 'string' ? null : 'decimal'"
            [value]="valueOf(field)"
            (input)="edit(field.name, box.value)"
            [attr.aria-describedby]="'what-if-' + field.name + '-now'"
            [attr.aria-invalid]="fieldError(field.name) ? true : null"
          />
          <p class="hint" [id]="'what-if-' + field.name + '-now'">
            {{ i18n.labelled(t().whatIf.original, format(field)) }}
            @if (field.name === repayment && followsAmount()) {
              <span data-testid="repayment-follows">{{ t().whatIf.repaymentFollows }}</span>
            }
            @if (fieldError(field.name); as message) {
              <span class="field-error">{{ message }}</span>
            }
          </p>
        </div>
      }
      <button type="button" class="secondary" (click)="reset()" [disabled]="!hasChanges()">
        {{ t().whatIf.reset }}
      </button>
    </form>

    <div class="what-if-result" data-testid="what-if-result">
      <h3>{{ t().whatIf.result }}</h3>
      <!-- Only the summary is announced as it changes; the gauge and the reasons follow below it. -->
      <div aria-live="polite" aria-atomic="true">
        @switch (simulation().state) {
          @case ('idle') {
            <p>{{ t().whatIf.noChange }}</p>
          }
          @case ('loading') {
            <p class="loading">{{ t().whatIf.computing }}</p>
          }
          @case ('failed') {
            <p class="error-box">{{ failure()?.message }}</p>
          }
          @case ('done') {
            @if (result(); as r) {
              <p class="what-if-summary">
                <strong data-testid="what-if-probability">{{ i18n.percent(r.updated.probabilityOfDefault) }}</strong>
                <app-decision-badge [decision]="r.updated.decision" data-testid="what-if-decision" />
                <span>{{ t().whatIf.change(i18n.points(r.probabilityChange)) }}</span>
                <strong>{{ r.decisionChanged ? t().whatIf.decisionChanged : t().whatIf.decisionSame }}</strong>
              </p>
            }
          }
        }
      </div>
      @if (result(); as r) {
        <app-score-gauge
          [probability]="r.updated.probabilityOfDefault"
          [threshold]="r.updated.threshold"
          [decision]="r.updated.decision"
          [compact]="true"
        />
        <h4>{{ t().whatIf.mainReasons }}</h4>
        <app-reasons-panel [explanation]="r.updated" [showWaterfall]="false" />
      }
    </div>
  `,
})
export class WhatIfPanel {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(OctroiApi);
  private readonly catalog = inject(ModelCatalog);
  protected readonly t = this.i18n.t;

  readonly clientId = input.required<number>();
  readonly record = input.required<ClientRecord>();

  /** What the officer typed, by column name. */
  private readonly drafts = signal<Record<string, string>>({});

  private readonly fieldsByName = computed(() => {
    const fields = new Map<string, LabelledField>();
    for (const group of this.record().groups) for (const field of group.fields) fields.set(field.name, field);
    return fields;
  });

  protected readonly editedFields = computed(() => {
    const byName = this.fieldsByName();
    return this.catalog
      .actionableFields()
      .map((name) => byName.get(name))
      .filter((f): f is LabelledField => !!f);
  });

  protected readonly repayment = REPAYMENT;

  /** The fields whose typed value differs from the client's, as the API wants them. */
  protected readonly changes = computed<RawApplication>(() => {
    const changes: RawApplication = {};
    const byName = this.fieldsByName();
    const language = this.i18n.language();
    for (const [name, text] of Object.entries(this.drafts())) {
      const original = byName.get(name)?.value ?? null;
      const value: RawValue =
        text.trim() === '' ? null : typeof original === 'string' ? text : parseTypedNumber(text, language);
      if (typeof value === 'number' && Number.isNaN(value)) continue;
      if (value !== original) changes[name] = value;
    }
    const repayment = this.followingRepayment(changes);
    if (repayment !== null) changes[REPAYMENT] = repayment;
    return changes;
  });

  /**
   * A smaller loan at the same term has a proportionally smaller repayment: simulating the amount alone would
   * score a loan whose repayment no longer matches it (a smaller loan could then look riskier than a larger one).
   */
  private followingRepayment(changes: RawApplication): number | null {
    const amount = this.fieldsByName().get(AMOUNT)?.value;
    const repayment = this.fieldsByName().get(REPAYMENT)?.value;
    const newAmount = changes[AMOUNT];
    if (REPAYMENT in this.drafts() || typeof newAmount !== 'number') return null;
    if (typeof amount !== 'number' || typeof repayment !== 'number' || !(amount > 0)) return null;
    return Math.round((repayment * newAmount) / amount);
  }

  protected readonly followsAmount = computed(() => REPAYMENT in this.changes() && !(REPAYMENT in this.drafts()));
  protected readonly hasChanges = computed(() => Object.keys(this.changes()).length > 0);

  protected readonly simulation = toSignal(
    toObservable(
      computed(() => ({ clientId: this.clientId(), changes: this.changes(), language: this.i18n.language() })),
    ).pipe(
      debounceTime(DEBOUNCE_MS),
      switchMap((request) => {
        if (Object.keys(request.changes).length === 0) return of<Simulation>({ state: 'idle' });
        return this.api.whatIf(request).pipe(
          map((result): Simulation => ({ state: 'done', result })),
          catchError((error: unknown) => {
            const body = errorBodyOf(error);
            const message = body.status === 400 && body.message ? body.message : describeError(error, this.t());
            return of<Simulation>({ state: 'failed', message, field: body.field });
          }),
          startWith<Simulation>({ state: 'loading' }),
        );
      }),
    ),
    { initialValue: { state: 'idle' } },
  );

  protected readonly result = computed(() => {
    const simulation = this.simulation();
    return simulation.state === 'done' ? simulation.result : null;
  });
  protected readonly failure = computed(() => {
    const simulation = this.simulation();
    return simulation.state === 'failed' ? simulation : null;
  });

  protected fieldError(name: string): string | null {
    const failure = this.failure();
    return failure?.field && failure.field.replace(/^\/?(changes[./])?/, '') === name ? failure.message : null;
  }

  /** What the box shows: the officer's draft, the repayment following the amount, or the client's value in the locale. */
  protected valueOf(field: LabelledField): string {
    const draft = this.drafts()[field.name];
    if (draft !== undefined) return draft;
    const value = field.name === REPAYMENT && this.followsAmount() ? this.changes()[REPAYMENT]! : field.value;
    return typeof value === 'number' ? this.i18n.plainNumber(value) : (value ?? '');
  }

  protected format(field: LabelledField): string {
    return formatFieldValue(field.name, field.value, this.i18n);
  }

  protected edit(name: string, value: string): void {
    this.drafts.update((drafts) => ({ ...drafts, [name]: value }));
  }

  /** Fills the form with suggested values (from the counterfactual): changes to the loan's terms only. */
  apply(changes: Record<string, RawValue>): void {
    const actionable = new Set(this.catalog.actionableFields());
    const names = Object.keys(changes).filter((name) => actionable.has(name));
    this.drafts.update((drafts) => {
      const next = { ...drafts };
      for (const name of names) next[name] = changes[name] === null ? '' : String(changes[name]);
      return next;
    });
  }

  protected reset(): void {
    this.drafts.set({});
  }
}
