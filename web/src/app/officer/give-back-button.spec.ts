import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { Session } from '../auth/session';
import type { ReviewClaim } from '../core/api-types';
import { fr } from '../shared/i18n/fr';
import { settle } from '../testing/http';
import { GiveBackButton } from './give-back-button';

@Component({ template: '' })
class Blank {}

const decisionId = '0199a0a0-0000-7000-8000-000000000000';
const claimOf = (username: string): ReviewClaim => ({
  officer: { username, displayName: username.toUpperCase() },
  takenAt: '2026-11-29T09:00:00.000Z',
});

async function render(claim: ReviewClaim | undefined) {
  TestBed.configureTestingModule({
    providers: [provideRouter([{ path: '**', component: Blank }]), provideHttpClient(), provideHttpClientTesting()],
  });
  const http = TestBed.inject(HttpTestingController);
  const router = TestBed.inject(Router);
  await router.navigateByUrl(`/fr/reviews/${decisionId}`);
  // Signed in as amartin.
  const signedIn = TestBed.inject(Session).ensureLoaded();
  http.expectOne('/api/v1/session').flush({ username: 'amartin', displayName: 'Alice Martin', role: 'officer' });
  await signedIn;
  const fixture = TestBed.createComponent(GiveBackButton);
  fixture.componentRef.setInput('decisionId', decisionId);
  fixture.componentRef.setInput('claim', claim);
  fixture.detectChanges();
  await settle();
  const root = fixture.nativeElement as HTMLElement;
  const button = () => root.querySelector<HTMLButtonElement>('[data-testid="give-back"]');
  /** The navigation's count of waiting applications follows the work. */
  const answerCount = () =>
    http
      .match((r) => r.url.startsWith('/api/v1/reviews') && r.method === 'GET')
      .forEach((r) => r.flush({ waiting: 0, referrals: [] }));
  return { http, router, fixture, root, button, answerCount };
}

describe('GiveBackButton', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('is offered only to the officer who holds the case', async () => {
    for (const claim of [undefined, claimOf('bmartin')]) {
      TestBed.resetTestingModule();
      const { button, answerCount } = await render(claim);
      answerCount();
      expect(button()).toBeNull();
    }
  });

  it('gives the case back, then brings the officer back to the queue', async () => {
    const { http, router, fixture, button, answerCount } = await render(claimOf('amartin'));
    expect(button()!.type).toBe('button');
    expect(button()!.textContent.trim()).toBe(fr.reviews.giveBack);
    expect(button()!.getAttribute('aria-describedby')).toBe('give-back-hint');
    button()!.click();
    fixture.detectChanges();
    expect(button()!.disabled).toBe(true);
    const request = http.expectOne(`/api/v1/reviews/${decisionId}/claim`);
    expect(request.request.method).toBe('DELETE');
    request.flush({ referral: {}, released: claimOf('amartin') });
    await settle();
    answerCount();
    await settle();
    expect(router.url).toBe('/fr/reviews');
  });

  it('says the case is no longer theirs when it was decided or taken by another officer meanwhile', async () => {
    const { http, router, fixture, root, button, answerCount } = await render(claimOf('amartin'));
    button()!.click();
    http
      .expectOne(`/api/v1/reviews/${decisionId}/claim`)
      .flush({ code: 'conflict', message: 'Nobody holds it' }, { status: 409, statusText: 'Conflict' });
    await settle();
    answerCount();
    fixture.detectChanges();
    expect(root.querySelector('[role="alert"]')!.textContent).toContain(fr.reviews.notYoursAnyMore);
    expect(button()!.disabled).toBe(false);
    expect(router.url).toBe(`/fr/reviews/${decisionId}`);
  });
});
