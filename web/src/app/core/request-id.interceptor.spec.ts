import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { requestIdInterceptor } from './request-id.interceptor';

describe('requestIdInterceptor', () => {
  it('gives each API call its own request id', () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([requestIdInterceptor])), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    http.get('/api/v1/model').subscribe();
    http.get('/api/v1/model').subscribe();
    const [first, second] = backend.match('/api/v1/model');
    const ids = [first.request.headers.get('X-Request-Id'), second.request.headers.get('X-Request-Id')];
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
  });
});
