import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { I18n } from '../i18n/i18n';

/**
 * The numbers behind a chart as a plain table, folded in a details element: the text
 * alternative for screen readers and for anyone who prefers to read figures.
 */
@Component({
  selector: 'app-data-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="data-table" [open]="open()">
      <summary>{{ summary() }}</summary>
      <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t().tableOf(caption())">
        <table>
          <caption>
            {{
              caption()
            }}
          </caption>
          <thead>
            <tr>
              @for (column of columns(); track $index) {
                <th scope="col">{{ column }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track $index) {
              <tr>
                @for (cell of row; track $index) {
                  @if ($first) {
                    <th scope="row">{{ cell }}</th>
                  } @else {
                    <td>{{ cell }}</td>
                  }
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    </details>
  `,
})
export class DataTable {
  protected readonly t = inject(I18n).t;

  readonly summary = input.required<string>();
  readonly caption = input.required<string>();
  readonly columns = input.required<readonly string[]>();
  readonly rows = input.required<readonly (readonly string[])[]>();
  readonly open = input(false);
}
