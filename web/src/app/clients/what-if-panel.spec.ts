import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { record, whatIf } from '../testing/fixtures';
import { WhatIfPanel } from './what-if-panel';

describe('WhatIfPanel', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the changed fields once typing settles and shows the new decision and the difference', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(WhatIfPanel);
    fixture.componentRef.setInput('clientId', 100002);
    fixture.componentRef.setInput('record', record());
    fixture.detectChanges();

    const input: HTMLInputElement = fixture.nativeElement.querySelector('[data-field="EXT_SOURCE_3"]');
    expect(input.value).toBe('0.139');
    for (const value of ['0.', '0.7']) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
      fixture.detectChanges();
      await vi.advanceTimersByTimeAsync(100);
    }
    http.expectNone('/api/v1/what-if');
    await vi.advanceTimersByTimeAsync(300);

    const request = http.expectOne('/api/v1/what-if');
    expect(request.request.body).toEqual({ clientId: 100002, changes: { EXT_SOURCE_3: 0.7 }, language: 'fr' });
    request.flush(whatIf());
    fixture.detectChanges();

    const result = fixture.nativeElement.querySelector('[data-testid="what-if-result"]').textContent as string;
    expect(result).toContain('Crédit accordé');
    expect(result).toMatch(/31,0\s%/);
    expect(result).toContain('Écart avec le score actuel : −31,0');
    expect(result).toContain('La décision change.');
    http.verify();
  });
});
