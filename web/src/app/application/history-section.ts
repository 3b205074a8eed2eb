import { ChangeDetectionStrategy, Component, computed, inject, input, model, signal } from '@angular/core';

import type { HistoryTableInfo } from '../core/api-types';
import { I18n } from '../shared/i18n/i18n';
import { FormControl } from './form-control';
import {
  type HistoryDraft,
  type HistoryField,
  TYPED_FIELDS,
  type TypedTable,
  historyInputId,
  readHistoryFile,
} from './history-rows';

/**
 * The applicant's history on the new-application page: credits at other lenders and previous applications typed
 * row by row, and the applicant's rows of the Home Credit files imported as CSV. Problems the intake rules find
 * in a typed row are shown at its field.
 */
@Component({
  selector: 'app-history-section',
  imports: [FormControl],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="history" data-testid="history-section">
      <legend>{{ t().history.heading }}</legend>
      <p class="hint">{{ t().history.intro }}</p>
      @for (section of sections; track section.table) {
        <h2 class="subheading">{{ section.title() }}</h2>
        @for (row of draft().typed[section.table]; track $index; let i = $index) {
          <div class="history-row" role="group" [attr.aria-label]="t().history.rowLabel(section.title(), i + 1)">
            @for (field of section.fields; track field.name) {
              <app-form-control
                [controlId]="id(section.table, i, field)"
                [label]="t().history.fields[field.name]"
                [categories]="field.kind === 'category' ? categoriesOf(section.table, field) : undefined"
                [value]="row[field.name]"
                [message]="messages().get(id(section.table, i, field))"
                (changed)="set(section.table, i, field, $event)"
              />
            }
            <button type="button" class="secondary" (click)="remove(section.table, i)">
              {{ t().history.remove }}
            </button>
          </div>
        }
        <button type="button" class="secondary" (click)="add(section.table)">{{ section.add() }}</button>
      }
      <div class="field history-files">
        <label for="hist-files">{{ t().history.upload }}</label>
        <input id="hist-files" type="file" accept=".csv,text/csv" multiple (change)="upload($event)" />
      </div>
      @if (draft().uploaded.length > 0 || refusedFiles().length > 0) {
        <ul class="history-uploads" aria-live="polite">
          @for (file of draft().uploaded; track file.file; let i = $index) {
            <li>
              {{ t().history.uploaded(file.file, file.rows.length, t().history.tables[file.table]) }}
              <button type="button" class="secondary" (click)="forget(i)">{{ t().history.remove }}</button>
            </li>
          }
          @for (file of refusedFiles(); track file) {
            <li class="field-error">{{ t().history.notATable(file) }}</li>
          }
        </ul>
      }
    </fieldset>
  `,
})
export class HistorySection {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly draft = model.required<HistoryDraft>();
  /** The history tables the model accepts, with their columns (from the model's description). */
  readonly tables = input<readonly HistoryTableInfo[]>([]);
  /** Problems of typed rows, by input id, already worded. */
  readonly messages = input<ReadonlyMap<string, string>>(new Map());

  protected readonly refusedFiles = signal<string[]>([]);

  protected readonly sections = (['bureau', 'previous_application'] as const).map((table) => ({
    table,
    fields: TYPED_FIELDS[table],
    title: computed(() => (table === 'bureau' ? this.t().history.bureau : this.t().history.previous)),
    add: computed(() => (table === 'bureau' ? this.t().history.addCredit : this.t().history.addPrevious)),
  }));

  protected id(table: TypedTable, row: number, field: HistoryField): string {
    return historyInputId(table, row, field.name);
  }

  protected categoriesOf(table: TypedTable, field: HistoryField): readonly string[] {
    const columns = this.tables().find((t) => t.name === table)?.columns ?? [];
    return columns.find((c) => c.name === field.column)?.categories?.filter((c) => c !== 'XNA') ?? [];
  }

  protected add(table: TypedTable): void {
    this.draft.update((d) => ({ ...d, typed: { ...d.typed, [table]: [...d.typed[table], {}] } }));
  }

  protected remove(table: TypedTable, index: number): void {
    this.draft.update((d) => ({ ...d, typed: { ...d.typed, [table]: d.typed[table].filter((_, i) => i !== index) } }));
  }

  protected set(table: TypedTable, index: number, field: HistoryField, value: string): void {
    this.draft.update((d) => ({
      ...d,
      typed: {
        ...d.typed,
        [table]: d.typed[table].map((row, i) => (i === index ? { ...row, [field.name]: value } : row)),
      },
    }));
  }

  protected async upload(event: Event): Promise<void> {
    const element = event.target as HTMLInputElement;
    const files = [...(element.files ?? [])];
    const read = await Promise.all(files.map(async (file) => ({ file, text: await file.text() })));
    const refused: string[] = [];
    for (const { file, text } of read) {
      const table = readHistoryFile(file.name, text, this.tables());
      if (!table) refused.push(file.name);
      else this.draft.update((d) => ({ ...d, uploaded: [...d.uploaded.filter((u) => u.file !== file.name), table] }));
    }
    this.refusedFiles.set(refused);
    element.value = '';
  }

  protected forget(index: number): void {
    this.draft.update((d) => ({ ...d, uploaded: d.uploaded.filter((_, i) => i !== index) }));
  }
}
