import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { getSession } from '@/lib/session';
import { json, signInAs, stubFetch, testQueryClient } from '@/test/render';
import type { Role } from '@/types/api';
import { routes } from './router';

afterEach(() => vi.unstubAllGlobals());

function renderApp(path: string) {
  stubFetch({
    'GET /api/me': () => json({ username: getSession()?.username, role: getSession()?.role }),
    'GET /api/health': () => json({ status: 'ok', version: '0.1.0', engine: 'trino', dependencies: {} }),
    'GET /api/ask/examples': () => json({ examples: ['What is the denial rate by payer?'] }),
    'GET /api/tables': () => json({ tables: [] }),
    'GET /api/pipeline/runs': () => json({ runs: [] }),
    'GET /api/pipeline/sources': () => json({ sources: [] }),
    'GET /api/audit': () => json({ entries: [] }),
    'POST /api/auth/login': () =>
      json({ token: 'jwt', role: 'business', username: 'business', expires_at: new Date(Date.now() + 3600e3).toISOString() }),
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <QueryClientProvider client={testQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const navLinks = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((l) => l.textContent);

describe('role-based navigation', () => {
  it.each<[Role, string[]]>([
    ['business', ['Ask', 'Data', 'Pipeline']],
    ['analyst', ['Ask', 'Data', 'Pipeline', 'SQL', 'Verified']],
    ['admin', ['Ask', 'Data', 'Pipeline', 'SQL', 'Verified', 'Feedback', 'Audit']],
  ])('%s sees %j', async (role, expected) => {
    signInAs(role);
    renderApp('/ask');
    await screen.findByRole('heading', { name: 'Ask', level: 1 });
    expect(navLinks()).toEqual(expected);
    expect(screen.getByTestId('user-name')).toHaveTextContent(role);
    expect(screen.getByTestId('user-role')).toHaveTextContent(new RegExp(role, 'i'));
  });

  it('keeps business users out of the SQL and Audit pages', async () => {
    signInAs('business');
    const router = renderApp('/sql');
    expect(await screen.findByRole('heading', { name: 'Ask', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/ask');
    expect(screen.getByRole('alert')).toHaveTextContent('not available for your role');
    expect(screen.queryByTestId('sql-editor')).not.toBeInTheDocument();
    await act(() => router.navigate('/audit'));
    expect(router.state.location.pathname).toBe('/ask');
  });

  it('sends a signed-out visitor to the login page and back after signing in', async () => {
    const router = renderApp('/data');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?from=%2Fdata');
    await userEvent.click(screen.getByRole('button', { name: 'Use demo account business' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Data', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/data');
  });

  it('logs out', async () => {
    signInAs('analyst');
    const router = renderApp('/ask');
    await userEvent.click(await screen.findByRole('button', { name: 'Log out' }));
    expect(getSession()).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });
});

describe('health', () => {
  it('shows the engine that runs queries', async () => {
    signInAs('analyst');
    renderApp('/ask');
    await screen.findByRole('heading', { name: 'Ask', level: 1 });
    expect(await screen.findByTestId('query-engine')).toHaveTextContent('trino engine');
  });
});
