import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { explanation, score } from '../testing/fixtures';
import { failOpenRequests } from '../testing/http';
import { NewApplicationPage } from './new-application-page';

describe('NewApplicationPage', () => {
  async function render() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(NewApplicationPage);
    fixture.detectChanges();
    failOpenRequests(http);
    await fixture.whenStable();
    return { fixture, http, root: fixture.nativeElement as HTMLElement };
  }

  function type(root: HTMLElement, id: string, value: string) {
    const input = root.querySelector<HTMLInputElement>(`#app-${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('words every problem of the 400 next to its field, in the officer’s language', async () => {
    const { fixture, http, root } = await render();
    type(root, 'AMT_CREDIT', '5');
    type(root, 'AGE_YEARS', '12');
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
    const errors = [
      { field: 'AMT_CREDIT', rule: 'min', message: 'AMT_CREDIT: must be at least 4,500', params: { min: 4500 } },
      { field: 'DAYS_BIRTH', rule: 'age_range', message: 'DAYS_BIRTH: ...', params: { minYears: 18, maxYears: 100 } },
      { field: 'CNT_FAM_MEMBERS', rule: 'required', message: 'CNT_FAM_MEMBERS: is required' },
      {
        field: 'bureau.0.DAYS_CREDIT',
        rule: 'max',
        message: 'bureau.0.DAYS_CREDIT: must be at most 0',
        params: { max: 0 },
      },
    ];
    const body = { code: 'bad_request', message: errors[0].message, field: 'AMT_CREDIT', errors };
    http.expectOne('/api/v1/score').flush(body, { status: 400, statusText: 'Bad Request' });
    // The explanation call is cancelled as soon as the score call fails.
    expect(http.match('/api/v1/explanations').every((r) => r.cancelled)).toBe(true);
    await fixture.whenStable();

    const messageAt = (id: string) => {
      const input = root.querySelector(`#app-${id}`)!;
      expect(input.getAttribute('aria-invalid')).toBe('true');
      return root.querySelector(`#${input.getAttribute('aria-describedby')}`)!.textContent;
    };
    expect(messageAt('AMT_CREDIT')).toContain('au moins 4');
    expect(messageAt('AGE_YEARS')).toContain('entre 18 et 100 ans');
    expect(messageAt('CNT_FAM_MEMBERS')).toContain('obligatoire');
    const alert = root.querySelector('[role="alert"]')!.textContent;
    expect(alert).toContain('Le dossier contient 4 erreurs');
    expect(alert).toContain('Montant du crédit');
    expect(alert).toContain('bureau.0.DAYS_CREDIT');

    type(root, 'AMT_CREDIT', '450000');
    await fixture.whenStable();
    expect(root.querySelector('#app-AMT_CREDIT')!.getAttribute('aria-invalid')).toBeNull();
    expect(root.querySelector('#app-AGE_YEARS')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('scores and explains a valid application', async () => {
    const { fixture, http, root } = await render();
    type(root, 'AMT_CREDIT', '400 000');
    type(root, 'AGE_YEARS', '35');
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
    const scoring = http.expectOne('/api/v1/score');
    expect(scoring.request.body).toEqual({ AMT_CREDIT: 400000, DAYS_BIRTH: -12784 });
    scoring.flush(score({ probabilityOfDefault: 0.08, decision: 'granted' }));
    const explaining = http.expectOne('/api/v1/explanations');
    expect(explaining.request.body).toEqual({
      application: { AMT_CREDIT: 400000, DAYS_BIRTH: -12784 },
      language: 'fr',
    });
    explaining.flush(explanation({ probabilityOfDefault: 0.08, decision: 'granted' }));
    await fixture.whenStable();

    const result = root.querySelector('[data-testid="application-result"]')!.textContent;
    expect(result).toContain('Crédit accordé');
    expect(result).toContain('Le score externe 3 est bas (0,14).');
  });

  it('checks numbers as they are typed, without calling the API', async () => {
    const { fixture, http, root } = await render();
    type(root, 'AMT_INCOME_TOTAL', 'beaucoup');
    await fixture.whenStable();
    expect(root.querySelector('#app-AMT_INCOME_TOTAL-error')!.textContent).toContain('Saisissez un nombre.');
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
    http.expectNone('/api/v1/score');
  });

  it('sends the credits typed in the history section, and shows a problem of one at its field', async () => {
    const { fixture, http, root } = await render();
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Ajouter un crédit'))!;
    button.click();
    await fixture.whenStable();
    type(root, 'AMT_CREDIT', '400000');
    const opened = root.querySelector<HTMLInputElement>('#hist-bureau-0-YEARS_CREDIT')!;
    opened.value = '-1';
    opened.dispatchEvent(new Event('input'));
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
    const scoring = http.expectOne('/api/v1/score');
    expect(scoring.request.body).toEqual({ AMT_CREDIT: 400000, bureau: [{ DAYS_CREDIT: 365 }] });
    const errors = [
      { field: 'bureau.0.DAYS_CREDIT', rule: 'max', message: 'bureau.0.DAYS_CREDIT: ...', params: { max: 0 } },
    ];
    scoring.flush(
      { code: 'bad_request', message: errors[0].message, errors },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(opened.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#hist-bureau-0-YEARS_CREDIT-error')!.textContent).toContain('au moins 0');
  });
});
