import type { HttpInterceptorFn } from '@angular/common/http';

/**
 * Gives every API call its own request id, which the gateway keeps and passes to every service: one id finds
 * a request in the logs from the browser to the service and back (error panels show it).
 */
export const requestIdInterceptor: HttpInterceptorFn = (request, next) =>
  request.url.startsWith('/api/')
    ? next(request.clone({ setHeaders: { 'X-Request-Id': crypto.randomUUID() } }))
    : next(request);
