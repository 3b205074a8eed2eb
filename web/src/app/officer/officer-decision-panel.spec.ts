import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { ReviewedDecision } from '../core/api-types';
import { settle } from '../testing/http';
import { OfficerDecisionPanel } from './officer-decision-panel';

const refusedByTheModel: ReviewedDecision = {
  model: {
    decisionId: '0199a0a0-0000-7000-8000-000000000000',
    time: '2026-11-20T09:00:00.000Z',
    modelVersion: '2026.11.29',
    probabilityOfDefault: 0.62,
    threshold: 0.4,
    decision: 'refused',
  },
  officerDecisions: [],
  standing: { decision: 'refused', by: 'model' },
  nextSequence: 1,
};

async function render(reviewed: ReviewedDecision = refusedByTheModel) {
  TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(OfficerDecisionPanel);
  fixture.componentRef.setInput('reviewed', reviewed);
  fixture.detectChanges();
  const root = fixture.nativeElement as HTMLElement;
  const changed = vi.fn();
  fixture.componentInstance.changed.subscribe(changed);
  const choose = (verdict: 'granted' | 'refused') => {
    root.querySelector<HTMLInputElement>(`input[value="${verdict}"]`)!.dispatchEvent(new Event('change'));
    fixture.detectChanges();
  };
  const fill = (reason: string, justification: string) => {
    const select = root.querySelector<HTMLSelectElement>('#officer-reason')!;
    select.value = reason;
    select.dispatchEvent(new Event('change'));
    const box = root.querySelector<HTMLTextAreaElement>('#officer-justification')!;
    box.value = justification;
    box.dispatchEvent(new Event('input'));
    fixture.detectChanges();
  };
  const submit = async () => {
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    fixture.detectChanges();
    await settle();
  };
  return { http, fixture, root, choose, fill, submit, changed };
}

describe('OfficerDecisionPanel', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('says before sending whether the choice confirms or overrides the model', async () => {
    const { root, choose } = await render();
    expect(root.querySelector('[data-testid="standing-decision"]')!.textContent).toContain('par le modèle');
    choose('refused');
    expect(root.querySelector('[data-testid="decision-effect"]')!.textContent).toContain('confirme');
    choose('granted');
    const effect = root.querySelector('[data-testid="decision-effect"]')!;
    expect(effect.textContent).toContain('dérogation');
    expect(effect.classList).toContain('override-warning');
  });

  it('sends nothing until a verdict, a reason and a justification of 20 characters are given, and says which', async () => {
    const { root, fill, submit } = await render();
    fill('', '   too short       ');
    await submit();
    const problems = [...root.querySelectorAll('.field-error')].map((p) => p.textContent?.trim());
    expect(problems).toEqual([
      'Choisissez d’accorder ou de refuser le crédit.',
      'Choisissez un motif dans la liste.',
      'Justifiez en au moins 20 caractères.',
    ]);
    expect(root.querySelector('#officer-justification')!.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#officer-justification')!.getAttribute('aria-describedby')).toContain(
      'officer-justification-error',
    );
  });

  it('records the decision at its place in the history, then says so and asks for the history again', async () => {
    const { http, root, choose, fill, submit, changed, fixture } = await render();
    choose('granted');
    fill('additional-income', '  Second income of 1 800 € a month, payslips checked.  ');
    await submit();
    const request = http.expectOne('/api/v1/officer-decisions');
    expect(request.request.body).toEqual({
      decisionId: refusedByTheModel.model.decisionId,
      decision: 'granted',
      reasonCode: 'additional-income',
      justification: 'Second income of 1 800 € a month, payslips checked.',
      sequence: 1,
    });
    request.flush(
      { officerDecisionId: '0199a0a0-0001-7000-8000-000000000000' },
      {
        status: 201,
        statusText: 'Created',
      },
    );
    await settle();
    fixture.detectChanges();
    expect(root.querySelector('[data-testid="officer-decision-recorded"]')!.textContent).toContain(
      '0199a0a0-0001-7000-8000-000000000000',
    );
    expect(changed).toHaveBeenCalledOnce();
  });

  it("tells the officer when another officer's decision came first, and offers to reload", async () => {
    const { http, root, choose, fill, submit, changed, fixture } = await render();
    choose('refused');
    fill('debt-burden', 'Debts at 60 % of the income, checked on statements.');
    await submit();
    http
      .expectOne('/api/v1/officer-decisions')
      .flush({ code: 'conflict', message: 'reload' }, { status: 409, statusText: 'Conflict' });
    await settle();
    fixture.detectChanges();
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Un autre conseiller vient de décider');
    alert.querySelector('button')!.click();
    expect(changed).toHaveBeenCalledOnce();
  });
});
