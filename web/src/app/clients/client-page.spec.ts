import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { explanation, record, score } from '../testing/fixtures';
import { failUntilQuiet } from '../testing/http';
import { ClientPage } from './client-page';

describe('ClientPage', () => {
  let http: HttpTestingController;

  async function render() {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ClientPage);
    fixture.componentRef.setInput('clientId', 100002);
    fixture.detectChanges();
    return fixture;
  }

  /** Answers the page's own calls; the comparison panels' calls are left for each test. */
  function answer(url: string, body: object | null, status = 200) {
    const request = http.expectOne((r) => r.urlWithParams.startsWith(url));
    if (status === 200) request.flush(body);
    else request.flush({ code: 'unavailable', message: 'down' }, { status, statusText: 'Error' });
  }

  afterEach(() => http.verify());

  it('shows the decision in words, the probability, the threshold and the reasons', async () => {
    const fixture = await render();
    answer('/api/v1/clients/100002?language=fr', record());
    answer('/api/v1/clients/100002/score', score());
    answer('/api/v1/clients/100002/explanation', explanation());
    await failUntilQuiet(http, () => fixture.detectChanges());
    await fixture.whenStable();

    const text = fixture.nativeElement.textContent as string;
    expect(fixture.nativeElement.querySelector('[data-testid="decision"]').textContent).toContain('Crédit refusé');
    expect(fixture.nativeElement.querySelector('[data-testid="probability"]').textContent).toMatch(/62,0\s%/);
    expect(text).toMatch(/22,0 points au-dessus du seuil/);
    expect(text).toContain('Le score externe 3 est bas (0,14).');
    expect(text).toContain('Revenu annuel');
    expect(text).toMatch(/202\s500\s€/);
    // The decision's key in the audit log, for the client to quote.
    expect(fixture.nativeElement.querySelector('[data-testid="decision-reference"]').textContent).toContain(
      '5f0c2a9e-3b1d-4c6e-9a57-2d8e41b0c7f3',
    );
    // The waterfall has a table alternative with every step.
    const rows = fixture.nativeElement.querySelectorAll('.waterfall tbody tr');
    expect(rows.length).toBe(6);
  });

  it('says in words that a service is down and keeps the other panels working', async () => {
    const fixture = await render();
    answer('/api/v1/clients/100002?language=fr', record());
    answer('/api/v1/clients/100002/score', score());
    answer('/api/v1/clients/100002/explanation', null, 503);
    await failUntilQuiet(http, () => fixture.detectChanges());
    await fixture.whenStable();

    const reasons = fixture.nativeElement.querySelector('.reasons-card').textContent as string;
    expect(reasons).toContain('momentanément indisponible');
    expect(fixture.nativeElement.querySelector('[data-testid="decision"]').textContent).toContain('Crédit refusé');
  });
});
