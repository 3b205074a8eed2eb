import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { LenderPolicy } from '../core/api-types';
import { record, whatIf } from '../testing/fixtures';
import { WhatIfPanel } from './what-if-panel';

const policy: LenderPolicy = {
  version: 1,
  protectedAttributes: ['CODE_GENDER'],
  monitoredAttributes: ['CODE_GENDER', 'DAYS_BIRTH'],
  nonActionable: ['CODE_GENDER', 'DAYS_BIRTH'],
  actionable: ['AMT_ANNUITY', 'AMT_CREDIT', 'AMT_GOODS_PRICE'],
  referral: { band: 0.01 },
  reasons: {},
};

async function setUp(modelPolicy: LenderPolicy = policy) {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(WhatIfPanel);
  fixture.componentRef.setInput('clientId', 100002);
  fixture.componentRef.setInput('record', record());
  fixture.detectChanges();
  http.expectOne('/api/v1/model').flush({ features: [], metrics: {}, policy: modelPolicy });
  await vi.advanceTimersByTimeAsync(0);
  fixture.detectChanges();
  return { http, fixture, root: fixture.nativeElement as HTMLElement };
}

const offered = (root: HTMLElement) =>
  [...root.querySelectorAll('[data-field]')].map((f) => f.getAttribute('data-field'));

describe('WhatIfPanel', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('offers only the fields the lender policy calls actionable, never gender or age', async () => {
    const { root } = await setUp();
    // The client's file has no goods price: only the actionable fields it holds are offered.
    expect(offered(root)).toEqual(['AMT_ANNUITY', 'AMT_CREDIT']);
    expect(root.textContent).not.toContain('Genre');
  });

  it('offers nothing the policy also lists as non-actionable', async () => {
    const { root } = await setUp({ ...policy, nonActionable: [...policy.nonActionable, 'AMT_ANNUITY'] });
    expect(offered(root)).toEqual(['AMT_CREDIT']);
  });

  it('sends the changed fields once typing settles and shows the new decision and the difference', async () => {
    const { http, fixture, root } = await setUp();

    const input: HTMLInputElement = root.querySelector('[data-field="AMT_CREDIT"]')!;
    // The client's value in the French way, and a number typed the French way.
    expect(input.value).toBe('406597,5');
    for (const value of ['2', '200 000,5']) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
      fixture.detectChanges();
      await vi.advanceTimersByTimeAsync(100);
    }
    http.expectNone('/api/v1/what-if');
    await vi.advanceTimersByTimeAsync(300);

    const request = http.expectOne('/api/v1/what-if');
    expect(request.request.body.changes.AMT_CREDIT).toBe(200000.5);
    request.flush(whatIf());
    fixture.detectChanges();

    const result = root.querySelector('[data-testid="what-if-result"]')!.textContent;
    expect(result).toContain('Crédit accordé');
    expect(result).toMatch(/31,0\s%/);
    expect(result).toContain('Écart avec le score actuel : −31,0');
    expect(result).toContain('La décision change.');
    http.verify();
  });

  it('takes a suggestion for the loan terms only', async () => {
    const { fixture, root } = await setUp();
    fixture.componentInstance.apply({ AMT_CREDIT: 300000, CODE_GENDER: 'F' });
    fixture.detectChanges();
    expect(root.querySelector<HTMLInputElement>('[data-field="AMT_CREDIT"]')!.value).toBe('300000');
    expect(offered(root)).not.toContain('CODE_GENDER');
  });

  it('keeps the repayment in step with a new amount at the same term, until the officer edits it', async () => {
    const { http, fixture, root } = await setUp();
    const box = (field: string) => root.querySelector<HTMLInputElement>(`[data-field="${field}"]`)!;
    const type = async (field: string, value: string) => {
      box(field).value = value;
      box(field).dispatchEvent(new Event('input'));
      fixture.detectChanges();
      await vi.advanceTimersByTimeAsync(400);
    };

    // Half the amount: half the yearly repayment (32 566,5 × 203 298,75 / 406 597,5 = 16 283,25, rounded).
    await type('AMT_CREDIT', '203 298,75');
    const halved = http.expectOne('/api/v1/what-if');
    expect(halved.request.body.changes).toEqual({ AMT_CREDIT: 203298.75, AMT_ANNUITY: 16283 });
    halved.flush(whatIf());
    fixture.detectChanges();
    expect(box('AMT_ANNUITY').value).toBe('16283');
    expect(root.querySelector('[data-testid="repayment-follows"]')).not.toBeNull();

    await type('AMT_ANNUITY', '20000');
    const edited = http.expectOne('/api/v1/what-if');
    expect(edited.request.body.changes).toEqual({ AMT_CREDIT: 203298.75, AMT_ANNUITY: 20000 });
    edited.flush(whatIf());
    fixture.detectChanges();
    expect(root.querySelector('[data-testid="repayment-follows"]')).toBeNull();
    http.verify();
  });
});
