import { TestBed } from '@angular/core/testing';

import { I18n } from './i18n';

describe('I18n', () => {
  let i18n: I18n;
  beforeEach(() => {
    i18n = TestBed.inject(I18n);
  });

  it('speaks French by default and formats numbers the French way', () => {
    expect(i18n.language()).toBe('fr');
    expect(i18n.t().nav.clients).toBe('Clients');
    expect(i18n.percent(0.1234)).toMatch(/^12,3\s%$/);
    expect(i18n.currency(202500)).toMatch(/^202\s500\s€$/);
  });

  it('switches to English with British formats and sets the page language', () => {
    i18n.language.set('en');
    TestBed.tick();
    expect(i18n.t().auth.signOut).toBe('Sign out');
    expect(i18n.percent(0.1234)).toBe('12.3%');
    expect(i18n.currency(202500)).toBe('€202,500');
    expect(document.documentElement.lang).toBe('en');
  });

  it('writes a gap between probabilities in signed percentage points', () => {
    expect(i18n.points(0.052)).toBe('+5,2');
    expect(i18n.points(-0.31)).toBe('−31,0');
  });
});
