import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { SignInPage, safeReturnUrl } from './sign-in-page';

@Component({ template: '' })
class Blank {}

describe('SignInPage', () => {
  async function render(returnUrl = '/fr/clients/100002') {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', component: Blank }]), provideHttpClient(), provideHttpClientTesting()],
    });
    const router = TestBed.inject(Router);
    await router.navigateByUrl(`/fr/sign-in?returnUrl=${encodeURIComponent(returnUrl)}`);
    const fixture = TestBed.createComponent(SignInPage);
    await fixture.whenStable();
    return { fixture, router, http: TestBed.inject(HttpTestingController) };
  }

  function fill(root: HTMLElement, username: string, password: string) {
    for (const [id, value] of [
      ['username', username],
      ['password', password],
    ]) {
      const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
  }

  it('signs in and goes back to the page the officer asked for', async () => {
    const { fixture, router, http } = await render();
    fill(fixture.nativeElement, 'officer', 'secret');
    const request = http.expectOne('/api/v1/session');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ username: 'officer', password: 'secret' });
    request.flush({ username: 'officer', displayName: 'Camille Martin', role: 'officer' });
    await fixture.whenStable();
    expect(router.url).toBe('/fr/clients/100002');
  });

  it('says so when the credentials are wrong, in an alert', async () => {
    const { fixture, router, http } = await render();
    fill(fixture.nativeElement, 'officer', 'wrong');
    http
      .expectOne('/api/v1/session')
      .flush({ code: 'unauthorized', message: 'Bad credentials' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[role="alert"]').textContent).toContain(
      'Identifiant ou mot de passe incorrect.',
    );
    expect(router.url).toContain('/fr/sign-in');
  });

  it('asks for both fields before calling the gateway', async () => {
    const { fixture, http } = await render();
    fill(fixture.nativeElement, '', '');
    await fixture.whenStable();
    http.expectNone('/api/v1/session');
    expect(fixture.nativeElement.querySelectorAll('.field-error').length).toBe(2);
  });

  it('only follows return addresses inside the dashboard', () => {
    expect(safeReturnUrl('/en/model', '/fr/clients')).toBe('/en/model');
    expect(safeReturnUrl('//evil.example', '/fr/clients')).toBe('/fr/clients');
    expect(safeReturnUrl('https://evil.example', '/fr/clients')).toBe('/fr/clients');
    expect(safeReturnUrl(null, '/fr/clients')).toBe('/fr/clients');
  });
});
