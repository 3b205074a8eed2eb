import type { Routes } from '@angular/router';

import { requireAdmin, requireSignIn, requireSignedOut } from './auth/auth-guards';
import { DEFAULT_LANGUAGE } from './shared/i18n/i18n';
import { chooseLanguage } from './shared/i18n/language-guard';

/**
 * Every page lives under its language (`/fr/...`, `/en/...`) so a shared link keeps it. The
 * rest of the state a view depends on (the client, the chosen features) is in the path and
 * the query string. Each page is its own lazy chunk; the `title` data is a key of `titles`
 * in the dictionary, read by the PageTitleStrategy.
 */
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: `${DEFAULT_LANGUAGE}/clients` },
  {
    path: ':lang',
    canActivate: [chooseLanguage],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'clients' },
      {
        path: 'sign-in',
        canActivate: [requireSignedOut],
        data: { title: 'signIn' },
        loadComponent: () => import('./auth/sign-in-page').then((m) => m.SignInPage),
      },
      {
        path: '',
        canActivate: [requireSignIn],
        children: [
          {
            path: 'clients',
            data: { title: 'clients' },
            loadComponent: () => import('./clients/clients-page').then((m) => m.ClientsPage),
          },
          {
            path: 'clients/:clientId',
            data: { title: 'client' },
            loadComponent: () => import('./clients/client-page').then((m) => m.ClientPage),
          },
          {
            path: 'clients/:clientId/letter',
            data: { title: 'letter' },
            loadComponent: () => import('./letter/letter-page').then((m) => m.LetterPage),
          },
          {
            path: 'model',
            data: { title: 'model' },
            loadComponent: () => import('./model/model-page').then((m) => m.ModelPage),
          },
          {
            path: 'models',
            data: { title: 'models' },
            loadComponent: () => import('./models/models-page').then((m) => m.ModelsPage),
          },
          {
            path: 'monitoring',
            data: { title: 'monitoring' },
            loadComponent: () => import('./monitoring/monitoring-page').then((m) => m.MonitoringPage),
          },
          {
            path: 'reviews',
            data: { title: 'reviews' },
            loadComponent: () => import('./reviews/review-queue-page').then((m) => m.ReviewQueuePage),
          },
          {
            path: 'reviews/:decisionId',
            data: { title: 'review' },
            loadComponent: () => import('./reviews/review-page').then((m) => m.ReviewPage),
          },
          {
            path: 'overrides',
            canActivate: [requireAdmin],
            data: { title: 'overrides' },
            loadComponent: () => import('./overrides/overrides-page').then((m) => m.OverridesPage),
          },
          {
            path: 'batches',
            data: { title: 'batches' },
            loadComponent: () => import('./batches/batches-page').then((m) => m.BatchesPage),
          },
          {
            path: 'applications/new',
            data: { title: 'newApplication' },
            loadComponent: () => import('./application/new-application-page').then((m) => m.NewApplicationPage),
          },
        ],
      },
      {
        path: '**',
        data: { title: 'notFound' },
        loadComponent: () => import('./not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
