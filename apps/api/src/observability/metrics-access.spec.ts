import { metricsAccess } from './metrics-access.js';

describe('who may read /metrics', () => {
  const token = 'a-metrics-token-of-32-characters';

  it('development without a token: open', () => {
    expect(metricsAccess(false, null, undefined)).toEqual({ open: true });
  });

  it('production without a token set: nobody, saying which setting opens it', () => {
    expect(metricsAccess(true, null, `Bearer ${token}`)).toEqual({ open: false, status: 403, reason: expect.stringContaining('METRICS_TOKEN') });
  });

  it.each([true, false])('a token set (production: %s): only that bearer', (production) => {
    expect(metricsAccess(production, token, undefined)).toMatchObject({ open: false, status: 401 });
    expect(metricsAccess(production, token, token)).toMatchObject({ open: false, status: 401 });
    expect(metricsAccess(production, token, `Bearer ${token.slice(1)}`)).toMatchObject({ open: false, status: 403 });
    expect(metricsAccess(production, token, `Bearer ${token}`)).toEqual({ open: true });
    expect(metricsAccess(production, token, `bearer ${token}`)).toEqual({ open: true });
  });
});
