import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { chooseLanguage } from '../shared/i18n/language-guard';
import { I18n } from '../shared/i18n/i18n';
import { settle } from '../testing/http';
import { requireSignIn } from './auth-guards';

@Component({ template: 'page' })
class Page {}

describe('requireSignIn', () => {
  function setUp() {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          {
            path: ':lang',
            canActivate: [chooseLanguage],
            children: [
              { path: 'sign-in', component: Page },
              { path: 'clients/:id', canActivate: [requireSignIn], component: Page },
            ],
          },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    return { router: TestBed.inject(Router), http: TestBed.inject(HttpTestingController) };
  }

  it('sends a signed-out visitor to sign-in, remembering the link', async () => {
    const { router, http } = setUp();
    const navigation = router.navigateByUrl('/en/clients/100002?feature=AMT_CREDIT');
    await settle();
    http
      .expectOne('/api/v1/session')
      .flush({ code: 'unauthorized', message: 'no session' }, { status: 401, statusText: 'Unauthorized' });
    await navigation;
    expect(router.url).toBe('/en/sign-in?returnUrl=%2Fen%2Fclients%2F100002%3Ffeature%3DAMT_CREDIT');
    expect(TestBed.inject(I18n).language()).toBe('en');
  });

  it('lets a signed-in officer through', async () => {
    const { router, http } = setUp();
    const navigation = router.navigateByUrl('/fr/clients/100002');
    await settle();
    http.expectOne('/api/v1/session').flush({ username: 'o', displayName: 'O', role: 'officer' });
    await navigation;
    expect(router.url).toBe('/fr/clients/100002');
  });
});
