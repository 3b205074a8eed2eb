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

  it('shows the API’s own message next to the field it names', async () => {
    const { fixture, http, root } = await render();
    type(root, 'AMT_CREDIT', '-5');
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
    const error = { code: 'bad_request', message: 'AMT_CREDIT must be at least 0', field: 'AMT_CREDIT' };
    http.expectOne('/api/v1/score').flush(error, { status: 400, statusText: 'Bad Request' });
    // The explanation call is cancelled as soon as the score call fails.
    expect(http.match('/api/v1/explanations').every((r) => r.cancelled)).toBe(true);
    await fixture.whenStable();

    const input = root.querySelector('#app-AMT_CREDIT')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`#${input.getAttribute('aria-describedby')}`)!.textContent).toContain(
      'AMT_CREDIT must be at least 0',
    );
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('Montant du crédit');
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

    const result = root.querySelector('[data-testid="application-result"]')!.textContent!;
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
});
