import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { Router } from '@angular/router';

import { I18n } from '../shared/i18n/i18n';
import { Session } from './session';

/** Lets a signed-in officer through; sends anyone else to sign-in, remembering where they were going. */
export const requireSignIn: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  const language = inject(I18n).language();
  try {
    if (await session.ensureLoaded()) return true;
  } catch {
    // The gateway did not answer: treat as signed out, the sign-in page says why if it persists.
  }
  return router.createUrlTree([language, 'sign-in'], { queryParams: { returnUrl: state.url } });
};

/** The sign-in page is for signed-out visitors; a signed-in officer goes on to the clients. */
export const requireSignedOut: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  try {
    if (await session.ensureLoaded()) return router.createUrlTree([inject(I18n).language(), 'clients']);
  } catch {
    // Unreachable gateway: show the sign-in page.
  }
  return true;
};

/** Pages for administrators only: anyone else goes to the clients (the gateway refuses them the data anyway). */
export const requireAdmin: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  const language = inject(I18n).language();
  const user = await session.ensureLoaded().catch(() => null);
  return user?.role === 'admin' ? true : router.createUrlTree([language, 'clients']);
};
