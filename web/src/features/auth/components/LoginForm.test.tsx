import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/api-client';
import { getSession } from '@/lib/session';
import { json, renderWithProviders, stubFetch } from '@/test/render';
import { LoginForm } from './LoginForm';
import LoginPage from './LoginPage';

afterEach(() => vi.unstubAllGlobals());

describe('LoginForm', () => {
  it('submits username and password', async () => {
    const onSubmit = vi.fn();
    render(<LoginForm onSubmit={onSubmit} />);
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Username'), 'analyst');
    await userEvent.type(screen.getByLabelText('Password'), 'analyst');
    await userEvent.click(button);
    expect(onSubmit).toHaveBeenCalledWith('analyst', 'analyst');
  });

  it('fills a demo account', async () => {
    const onSubmit = vi.fn();
    render(<LoginForm onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('button', { name: 'Use demo account business' }));
    expect(screen.getByLabelText('Username')).toHaveValue('business');
    expect(screen.getByLabelText('Password')).toHaveValue('business');
  });

  it('says when the credentials are wrong', () => {
    render(<LoginForm onSubmit={() => {}} error={new ApiError(401, 'BAD_CREDENTIALS', 'bad credentials')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Wrong username or password.');
  });
});

describe('LoginPage', () => {
  it('signs in against /api/auth/login and keeps the token for the session', async () => {
    const { calls } = stubFetch({
      'POST /api/auth/login': async (req) => {
        const body = await req.json();
        return body.password === 'analyst'
          ? json({ token: 'jwt-1', role: 'analyst', username: 'analyst', expires_at: new Date(Date.now() + 3600e3).toISOString() })
          : json({ error: { code: 'BAD_CREDENTIALS', message: 'bad' } }, 401);
      },
    });
    renderWithProviders(<LoginPage />, { route: '/login' });
    await userEvent.type(screen.getByLabelText('Username'), 'analyst');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(getSession()).toBeNull();

    await userEvent.clear(screen.getByLabelText('Password'));
    await userEvent.type(screen.getByLabelText('Password'), 'analyst');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(getSession()).toMatchObject({ token: 'jwt-1', role: 'analyst', username: 'analyst' }));
    expect(JSON.parse(sessionStorage.getItem('medflow.session')!).token).toBe('jwt-1');
    expect(calls).toHaveLength(2);
  });
});
