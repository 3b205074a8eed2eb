import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import type { ClientRecord, FieldGroupName } from '../core/api-types';
import { formatFieldValue } from '../shared/format/field-value';
import { I18n } from '../shared/i18n/i18n';

/** Groups read first; the others (documents, contact, ...) start folded. */
const OPEN_GROUPS: readonly FieldGroupName[] = ['identity', 'family', 'income_credit', 'employment', 'external_scores'];

/** The client's application, labelled in words and grouped as the clients service groups it. */
@Component({
  selector: 'app-client-record-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="record-groups">
      @for (group of record().groups; track group.group) {
        <details class="record-group" [open]="openGroups.includes(group.group)">
          <summary>
            <h3>{{ group.label }}</h3>
          </summary>
          <dl>
            @for (field of group.fields; track field.name) {
              <div class="record-field">
                <dt [attr.title]="field.description || null">{{ field.label }}</dt>
                <dd>{{ format(field.name, field.value) }}</dd>
              </div>
            }
          </dl>
        </details>
      }
    </div>
  `,
})
export class ClientRecordPanel {
  private readonly i18n = inject(I18n);
  protected readonly openGroups = OPEN_GROUPS;

  readonly record = input.required<ClientRecord>();

  protected format(name: string, value: ClientRecord['groups'][number]['fields'][number]['value']): string {
    return formatFieldValue(name, value, this.i18n);
  }
}
