import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';

import { Session } from './auth/session';
import { ReviewQueueCount } from './officer/review-queue-count';
import { I18n } from './shared/i18n/i18n';

/** The frame of every page: skip link, header with navigation, language and officer, and the page itself. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main" (click)="focusMain($event)">{{ t().skipToContent }}</a>
    <header class="app-header">
      <a class="brand" [routerLink]="['/', i18n.language(), 'clients']">
        <svg aria-hidden="true" focusable="false" viewBox="0 0 32 32" width="28" height="28">
          <rect width="32" height="32" rx="6" fill="currentColor" />
          <path
            d="M9 16.5l4.5 4.5 9.5-10"
            fill="none"
            stroke="#fff"
            stroke-width="3.2"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
        {{ t().appName }}
      </a>
      @if (session.user(); as user) {
        <nav [attr.aria-label]="t().nav.label">
          <ul>
            <li>
              <a
                [routerLink]="['/', i18n.language(), 'clients']"
                routerLinkActive="active"
                ariaCurrentWhenActive="page"
                >{{ t().nav.clients }}</a
              >
            </li>
            <li>
              <a
                [routerLink]="['/', i18n.language(), 'model']"
                routerLinkActive="active"
                ariaCurrentWhenActive="page"
                >{{ t().nav.model }}</a
              >
            </li>
            <li>
              <a
                [routerLink]="['/', i18n.language(), 'models']"
                routerLinkActive="active"
                ariaCurrentWhenActive="page"
                >{{ t().nav.models }}</a
              >
            </li>
            <li>
              <a
                [routerLink]="['/', i18n.language(), 'monitoring']"
                routerLinkActive="active"
                ariaCurrentWhenActive="page"
                >{{ t().nav.monitoring }}</a
              >
            </li>
            <li>
              <a
                [routerLink]="['/', i18n.language(), 'reviews']"
                routerLinkActive="active"
                ariaCurrentWhenActive="page"
                data-testid="nav-reviews"
                >{{ t().nav.reviews }}
                @if (reviewCount.waiting(); as waiting) {
                  <span class="nav-count" data-testid="nav-review-count"
                    ><span aria-hidden="true">{{ waiting }}</span
                    ><span class="visually-hidden">({{ t().nav.waiting(waiting) }})</span></span
                  >
                }
              </a>
            </li>
            @if (user.role === 'admin') {
              <li>
                <a
                  [routerLink]="['/', i18n.language(), 'overrides']"
                  routerLinkActive="active"
                  ariaCurrentWhenActive="page"
                  >{{ t().nav.overrides }}</a
                >
              </li>
            }
            <li>
              <a
                [routerLink]="['/', i18n.language(), 'batches']"
                routerLinkActive="active"
                ariaCurrentWhenActive="page"
                >{{ t().nav.batches }}</a
              >
            </li>
            <li>
              <a
                [routerLink]="['/', i18n.language(), 'applications', 'new']"
                routerLinkActive="active"
                ariaCurrentWhenActive="page"
                >{{ t().nav.newApplication }}</a
              >
            </li>
          </ul>
        </nav>
      }
      <div class="header-tools">
        <a
          class="language-switch"
          [href]="otherLanguageUrl()"
          [attr.lang]="i18n.other()"
          [attr.hreflang]="i18n.other()"
          [attr.title]="t().language.switchToHint"
          (click)="switchLanguage($event)"
          data-testid="language-switch"
          >{{ t().language.switchTo }}</a
        >
        @if (session.user(); as user) {
          <p class="officer">
            <span class="visually-hidden">{{ t().auth.signedInAs }}</span>
            <span data-testid="officer">{{ user.displayName }}</span>
          </p>
          <button type="button" class="secondary" (click)="signOut()">{{ t().auth.signOut }}</button>
        }
      </div>
    </header>
    <main id="main" #main tabindex="-1">
      <router-outlet />
    </main>
  `,
})
export class App {
  protected readonly i18n = inject(I18n);
  protected readonly session = inject(Session);
  protected readonly reviewCount = inject(ReviewQueueCount);
  private readonly router = inject(Router);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly t = this.i18n.t;

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );

  /** The same page in the other language. */
  protected readonly otherLanguageUrl = computed(() => {
    const url = this.url();
    const rest = url.replace(/^\/(fr|en)(?=\/|\?|$)/, '');
    return `/${this.i18n.other()}${rest.startsWith('/') || rest === '' ? rest : `/${rest}`}`;
  });

  private lastPath = '';

  constructor() {
    // After moving to another page (not just a changed query), bring keyboard and screen-reader focus to its content.
    this.router.events
      .pipe(
        filter((event): event is NavigationEnd => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((event) => {
        const path = event.urlAfterRedirects.split('?')[0].replace(/^\/(fr|en)/, '');
        if (this.lastPath && path !== this.lastPath) {
          this.main().nativeElement.focus({ preventScroll: true });
          this.reviewCount.refresh();
        }
        this.lastPath = path;
      });
  }

  protected switchLanguage(event: MouseEvent): void {
    event.preventDefault();
    void this.router.navigateByUrl(this.otherLanguageUrl());
  }

  protected focusMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected async signOut(): Promise<void> {
    await this.session.signOut();
    await this.router.navigate(['/', this.i18n.language(), 'sign-in']);
  }
}
