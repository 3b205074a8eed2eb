import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';

import { App } from './app';
import { PageTitleStrategy } from './shared/i18n/page-title-strategy';
import { chooseLanguage } from './shared/i18n/language-guard';
import { settle } from './testing/http';

@Component({ template: '<h1>page</h1>' })
class Page {}

describe('App', () => {
  async function render(url: string) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          {
            path: ':lang',
            canActivate: [chooseLanguage],
            children: [
              { path: 'clients/:clientId', data: { title: 'client' }, component: Page },
              { path: 'model', data: { title: 'model' }, component: Page },
            ],
          },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: TitleStrategy, useClass: PageTitleStrategy },
      ],
    });
    const fixture = TestBed.createComponent(App);
    const router = TestBed.inject(Router);
    await router.navigateByUrl(url);
    await settle();
    await fixture.whenStable();
    return { fixture, router, root: fixture.nativeElement as HTMLElement };
  }

  it('links to the same page, with its state, in the other language', async () => {
    const { root, router, fixture } = await render('/fr/clients/100002?feature=AMT_CREDIT&x=EXT_SOURCE_1');
    const link = root.querySelector<HTMLAnchorElement>('[data-testid="language-switch"]')!;
    expect(link.getAttribute('href')).toBe('/en/clients/100002?feature=AMT_CREDIT&x=EXT_SOURCE_1');
    expect(link.getAttribute('lang')).toBe('en');
    expect(link.textContent?.trim()).toBe('English');

    link.click();
    await settle();
    await fixture.whenStable();
    expect(router.url).toBe('/en/clients/100002?feature=AMT_CREDIT&x=EXT_SOURCE_1');
    expect(document.documentElement.lang).toBe('en');
    expect(link.textContent?.trim()).toBe('Français');
  });

  it('gives each page its own title in the chosen language', async () => {
    const { router } = await render('/fr/clients/100002');
    const title = TestBed.inject(Title);
    expect(title.getTitle()).toBe('Client 100002 · Octroi');
    await router.navigateByUrl('/en/model');
    expect(title.getTitle()).toBe('The model · Octroi');
  });

  it('shows no navigation nor officer to a signed-out visitor', async () => {
    const { root } = await render('/fr/model');
    TestBed.inject(HttpTestingController).verify();
    expect(root.querySelector('nav')).toBeNull();
    expect(root.querySelector('[data-testid="officer"]')).toBeNull();
  });
});
