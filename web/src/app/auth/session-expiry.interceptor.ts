import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';

import { API_ROOT } from '../core/octroi-api';
import { I18n } from '../shared/i18n/i18n';
import { Session } from './session';

/**
 * When any call but the session's own answers 401, the session has ended: forget the user
 * and go to sign-in, coming back to the same page afterwards. No client data stays on screen.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(Session);
  const router = inject(Router);
  const i18n = inject(I18n);
  return next(request).pipe(
    catchError((error: unknown) => {
      const isSessionCall = request.url.startsWith(`${API_ROOT}/session`);
      if (error instanceof HttpErrorResponse && error.status === 401 && !isSessionCall && session.user()) {
        session.expired();
        const returnUrl = router.url;
        void router.navigate([i18n.language(), 'sign-in'], { queryParams: { returnUrl } });
      }
      return throwError(() => error);
    }),
  );
};
