// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json } from '../test/fakes';
import { RegisterScreen } from './AuthScreen';

afterEach(cleanup);

describe('signing up', () => {
  it('shows the API validation errors at their fields, and nested ones at the field that holds them', async () => {
    const { api, requests } = fakeApi(() =>
      json(400, {
        status: 400,
        title: 'One or more validation errors occurred.',
        detail: 'One or more fields are invalid.',
        errors: {
          email: ['A valid e-mail address of at most 254 characters is required.'],
          password: ['The password must be at least 10 characters.'],
          birthDate: ['You must be at least 18 years old.'],
          'location.latitude': ['The latitude must be between -90 and 90.'],
        },
      }),
    );
    render(<RegisterScreen api={api} />);
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'not-an-email' } });
    fireEvent.change(screen.getByLabelText('Latitude'), { target: { value: '123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(screen.getByTestId('error-email').textContent).toMatch(/valid e-mail/));
    expect(screen.getByTestId('error-password').textContent).toMatch(/at least 10/);
    expect(screen.getByTestId('error-birthDate').textContent).toMatch(/18 years/);
    expect(screen.getByTestId('error-location').textContent).toMatch(/latitude/);
    expect(screen.getByLabelText('E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(requests[0]!.body).toMatchObject({ email: 'not-an-email', location: { latitude: 123, longitude: null } });
  });

  it('shows a taken e-mail at the e-mail field', async () => {
    const { api } = fakeApi(() => json(409, { status: 409, title: 'Conflict', detail: 'This e-mail address is already registered.' }));
    render(<RegisterScreen api={api} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByTestId('error-email').textContent).toMatch(/already registered/));
  });
});
