import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { I18n } from './shared/i18n/i18n';

@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ i18n.t().notFound.heading }}</h1>
    <p>
      <a [routerLink]="['/', i18n.language(), 'clients']">{{ i18n.t().notFound.back }}</a>
    </p>
  `,
})
export class NotFoundPage {
  protected readonly i18n = inject(I18n);
}
