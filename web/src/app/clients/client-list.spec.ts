import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import type { ClientPage } from '../core/api-types';
import { ClientList } from './client-list';

const page: ClientPage = {
  page: 2,
  pageSize: 20,
  total: 45,
  items: [
    {
      clientId: 100002,
      probabilityOfDefault: 0.62,
      decision: 'refused',
      knownOutcome: 'defaulted',
      ageYears: 25.9,
      incomeTotal: 202500,
      creditAmount: 406597.5,
      contractType: 'Cash loans',
    },
  ],
};

describe('ClientList', () => {
  it('asks for the page and filters of the URL and lists the clients in words', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ClientList);
    fixture.componentRef.setInput('filters', { page: 2, decision: 'refused', band: 'high', minIncome: 100000 });
    fixture.detectChanges();

    http
      .expectOne(
        '/api/v1/clients?page=2&pageSize=20&decision=refused&minProbability=0.3&maxProbability=1&minIncome=100000',
      )
      .flush(page);
    await fixture.whenStable();

    const row = (fixture.nativeElement as HTMLElement).querySelector('tbody tr')!;
    const cells = [...row.children].map((cell) => cell.textContent?.replace(/\s/g, ' ').trim());
    expect(cells).toEqual([
      '100002',
      '62,0 %',
      'Refusé',
      'En défaut',
      '26 ans',
      '202 500 €',
      '406 598 €',
      'Prêt d’argent',
    ]);
    expect(fixture.nativeElement.textContent).toContain('Page 2 sur 3');
  });

  it('offers no filter on a protected attribute such as gender', () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(ClientList);
    fixture.componentRef.setInput('filters', { page: 1 });
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    const names = [...root.querySelectorAll('form [name]')].map((field) => field.getAttribute('name'));
    expect(names).toEqual(['decision', 'band', 'contract', 'minIncome', 'maxIncome']);
  });

  it('puts the chosen filters in the URL, back on the first page', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    const router = TestBed.inject(Router);
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(ClientList);
    fixture.componentRef.setInput('filters', { page: 3 });
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;

    root.querySelector<HTMLSelectElement>('#filter-decision')!.value = 'granted';
    root.querySelector<HTMLSelectElement>('#filter-band')!.value = 'low';
    root.querySelector('form')!.dispatchEvent(new Event('submit'));

    expect(navigate).toHaveBeenCalledWith(['/', 'fr', 'clients'], {
      queryParams: {
        page: undefined,
        decision: 'granted',
        band: 'low',
        contract: undefined,
        minIncome: undefined,
        maxIncome: undefined,
      },
    });
  });
});
