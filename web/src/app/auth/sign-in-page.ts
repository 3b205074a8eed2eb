import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';

import { errorBodyOf } from '../core/octroi-api';
import { I18n } from '../shared/i18n/i18n';
import { describeError } from '../shared/ui/describe-error';
import { Session } from './session';

/** Only paths inside the dashboard are followed after sign-in, never another site. */
export function safeReturnUrl(value: string | null, fallback: string): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.includes('/sign-in') ? value : fallback;
}

@Component({
  selector: 'app-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="sign-in card" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">{{ t().auth.heading }}</h1>
      <p>{{ t().auth.intro }}</p>
      <form (submit)="submit($event)" novalidate>
        <div class="field">
          <label for="username">{{ t().auth.username }}</label>
          <input
            #usernameInput
            id="username"
            name="username"
            autocomplete="username"
            [value]="username()"
            (input)="username.set(usernameInput.value)"
            [attr.aria-invalid]="showRequired() && !username() ? true : null"
            [attr.aria-describedby]="showRequired() && !username() ? 'username-error' : null"
          />
          @if (showRequired() && !username()) {
            <p id="username-error" class="field-error">{{ t().auth.required }}</p>
          }
        </div>
        <div class="field">
          <label for="password">{{ t().auth.password }}</label>
          <input
            #passwordInput
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            [value]="password()"
            (input)="password.set(passwordInput.value)"
            [attr.aria-invalid]="showRequired() && !password() ? true : null"
            [attr.aria-describedby]="showRequired() && !password() ? 'password-error' : null"
          />
          @if (showRequired() && !password()) {
            <p id="password-error" class="field-error">{{ t().auth.required }}</p>
          }
        </div>
        <div role="alert" class="form-alert">
          @if (error()) {
            <p class="error-box" #errorBox tabindex="-1">{{ error() }}</p>
          }
        </div>
        <button type="submit" [disabled]="busy()">{{ busy() ? t().auth.submitting : t().auth.submit }}</button>
      </form>
    </section>
  `,
})
export class SignInPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);

  protected readonly t = this.i18n.t;
  protected readonly username = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly showRequired = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly usernameInput = viewChild<ElementRef<HTMLInputElement>>('usernameInput');

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.error.set(null);
    if (!this.username() || !this.password()) {
      this.showRequired.set(true);
      return;
    }
    this.busy.set(true);
    try {
      await this.session.signIn({ username: this.username(), password: this.password() });
      const fallback = `/${this.i18n.language()}/clients`;
      await this.router.navigateByUrl(safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl'), fallback));
    } catch (error) {
      const { status } = errorBodyOf(error);
      this.error.set(status === 401 || status === 400 ? this.t().auth.badCredentials : describeError(error, this.t()));
      this.password.set('');
      this.usernameInput()?.nativeElement.focus();
    } finally {
      this.busy.set(false);
    }
  }
}
