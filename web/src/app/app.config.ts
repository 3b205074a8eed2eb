import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import {
  PreloadAllModules,
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
  withPreloading,
} from '@angular/router';

import { routes } from './app.routes';
import { sessionExpiryInterceptor } from './auth/session-expiry.interceptor';
import { requestIdInterceptor } from './core/request-id.interceptor';
import { PageTitleStrategy } from './shared/i18n/page-title-strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // The charts of ngx-charts declare Angular animations. Their engine loads with the first
    // chart, in a lazy chunk; 'noop' draws charts at once, without motion. Each chart's frame
    // also binds [@.disabled], so the engine skips its bookkeeping for every bar and point.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- ngx-charts 25 still animates with @angular/animations
    provideAnimationsAsync('noop'),
    // Pages stay out of the initial bundle, but load in the background once the first one is
    // shown, so opening a client does not wait for its page's chunk (and the charts in it).
    provideRouter(
      routes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
      withPreloading(PreloadAllModules),
    ),
    provideHttpClient(withFetch(), withInterceptors([requestIdInterceptor, sessionExpiryInterceptor])),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
  ],
};
