import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import type { FeatureOption } from '../../core/model-catalog';

/** A labelled drop-down of the model's features; the selection is owned by the caller (the URL). */
@Component({
  selector: 'app-feature-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label [attr.for]="selectId()">{{ label() }}</label>
    <select #select [id]="selectId()" (change)="selected.emit(select.value)">
      @for (feature of features(); track feature.name) {
        <option [value]="feature.name" [selected]="feature.name === value()">{{ feature.label }}</option>
      }
    </select>
  `,
  host: { class: 'field' },
})
export class FeatureSelect {
  readonly selectId = input.required<string>();
  readonly label = input.required<string>();
  readonly features = input.required<readonly FeatureOption[]>();
  readonly value = input<string | null | undefined>();
  readonly selected = output<string>();
}
