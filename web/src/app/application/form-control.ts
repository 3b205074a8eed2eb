import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';

import { I18n } from '../shared/i18n/i18n';

/**
 * One labelled field of a form: a list of categories (in words) or a text box for a number, marked required
 * when it is, and the problem found with it, read out with the field.
 */
@Component({
  selector: 'app-form-control',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'field' },
  template: `
    <label [attr.for]="controlId()"
      >{{ label() }}
      @if (required()) {
        <span class="required">({{ i18n.t().application.required }})</span>
      }
    </label>
    @if (categories(); as categories) {
      <select
        #choice
        [id]="controlId()"
        (change)="changed.emit(choice.value)"
        [attr.aria-required]="required() || null"
        [attr.aria-invalid]="message() ? true : null"
        [attr.aria-describedby]="message() ? controlId() + '-error' : null"
      >
        <option value="" [selected]="!value()">{{ i18n.t().application.notSpecified }}</option>
        @for (category of categories; track category) {
          <option [value]="category" [selected]="value() === category">{{ i18n.category(category) }}</option>
        }
      </select>
    } @else {
      <input
        #box
        [id]="controlId()"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        [value]="value() ?? ''"
        (input)="changed.emit(box.value)"
        [attr.aria-required]="required() || null"
        [attr.aria-invalid]="message() ? true : null"
        [attr.aria-describedby]="message() ? controlId() + '-error' : null"
      />
    }
    @if (message(); as message) {
      <p class="field-error" [id]="controlId() + '-error'">{{ message }}</p>
    }
  `,
})
export class FormControl {
  protected readonly i18n = inject(I18n);
  readonly controlId = input.required<string>();
  readonly label = input.required<string>();
  /** The values offered, for a choice; none for a number typed in. */
  readonly categories = input<readonly string[] | undefined>(undefined);
  readonly value = input<string | undefined>(undefined);
  readonly required = input(false);
  readonly message = input<string | null | undefined>(undefined);
  readonly changed = output<string>();
}
