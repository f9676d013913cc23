import { describe, expect, it } from 'vitest';
import { ApiError, assignFieldErrors, errorFromResponse, fieldKey, messageOf, NetworkError, normalizeFieldErrors } from './problem';

describe('field errors of a validation problem', () => {
  it('keeps the API field names, and reads $.-prefixed JSON paths as the same fields', () => {
    expect(fieldKey('password')).toBe('password');
    expect(fieldKey('$.birthDate')).toBe('birthDate');
    expect(fieldKey('BirthDate')).toBe('birthDate');
    expect(fieldKey('location.latitude')).toBe('location.latitude');
  });

  it('merges messages of keys that name the same field and drops anything that is not a message', () => {
    expect(normalizeFieldErrors({ birthDate: ['Too young.'], '$.birthDate': ['Not a date.'], gender: 'Required.', bio: [42] })).toEqual({
      birthDate: ['Too young.', 'Not a date.'],
      gender: ['Required.'],
    });
    expect(normalizeFieldErrors(undefined)).toEqual({});
  });

  it('puts a nested path at its form field and keeps the rest for the form itself', () => {
    const { byField, unplaced } = assignFieldErrors(
      { 'location.latitude': ['Latitude out of range.'], 'location.longitude': ['Longitude out of range.'], password: ['Too short.'], ageRange: ['Bad range.'] },
      ['password', 'location'],
    );
    expect(byField).toEqual({ location: ['Latitude out of range.', 'Longitude out of range.'], password: ['Too short.'] });
    expect(unplaced).toEqual(['Bad range.']);
  });
});

describe('errors from responses', () => {
  it('reads an RFC 9457 problem with its detail and field errors', async () => {
    const response = new Response(
      JSON.stringify({ status: 400, title: 'One or more validation errors occurred.', detail: 'One or more fields are invalid.', errors: { email: ['A valid e-mail address is required.'] } }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    );
    const error = await errorFromResponse(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('One or more fields are invalid.');
    expect(error.fieldErrors).toEqual({ email: ['A valid e-mail address is required.'] });
  });

  it('survives a body that is not JSON (a proxy error page) and still names the status', async () => {
    const error = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error.status).toBe(502);
    expect(error.message).toBe('The request failed (502).');
    expect(error.fieldErrors).toEqual({});
  });

  it('says when to retry after a 429', async () => {
    const error = await errorFromResponse(new Response('{}', { status: 429, headers: { 'Retry-After': '12' } }));
    expect(error.retryAfterSeconds).toBe(12);
    expect(error.message).toBe('Too many attempts. Try again in 12 s.');
  });

  it('tells people something useful for any error', () => {
    expect(messageOf(new NetworkError())).toMatch(/cannot be reached/);
    expect(messageOf(new ApiError(404, { detail: 'There is nothing at this address.' }))).toBe('There is nothing at this address.');
    expect(messageOf(new TypeError('x is undefined'))).toBe('Something went wrong. Try again.');
  });
});
