import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderWithProviders, signInAs, stubFetch } from '@/test/render';
import { RunActions } from './RunActions';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('RunActions', () => {
  it('offers Resume to an admin on a failed run and calls the resume endpoint after confirming', async () => {
    signInAs('admin');
    const { calls } = stubFetch({ 'POST /api/pipeline/runs/run-7/resume': () => json({ run_id: 'run-7' }, 202) });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderWithProviders(<RunActions run={{ run_id: 'run-7', state: 'FAILED' }} />);
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('run-7'));
    await waitFor(() => expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toContain('POST /api/pipeline/runs/run-7/resume'));
  });

  it('does nothing when the admin does not confirm, and shows the server message on 409', async () => {
    signInAs('admin');
    const { calls } = stubFetch({
      'POST /api/pipeline/runs/run-8/resume': () =>
        json({ error: { code: 'PIPELINE_BUSY', message: 'Another pipeline run is in progress: run-9' } }, 409),
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderWithProviders(<RunActions run={{ run_id: 'run-8', state: 'CANCELLED' }} />);
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(calls).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Another pipeline run is in progress: run-9');
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('offers Cancel on a running run and nothing on a finished one', async () => {
    signInAs('admin');
    const { calls } = stubFetch({
      'POST /api/pipeline/runs/run-1/cancel': () => json({ run_id: 'run-1', cancel_requested: true }, 202),
    });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { unmount } = renderWithProviders(<RunActions run={{ run_id: 'run-1', state: 'RUNNING' }} />);
    expect(screen.queryByRole('button', { name: 'Resume' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('button', { name: 'Cancel requested' })).toBeDisabled();
    expect(calls.map((c) => new URL(c.url).pathname)).toContain('/api/pipeline/runs/run-1/cancel');
    unmount();
    renderWithProviders(<RunActions run={{ run_id: 'run-1', state: 'SUCCEEDED' }} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows no buttons to an analyst, even on a failed run', () => {
    signInAs('analyst');
    stubFetch({});
    renderWithProviders(<RunActions run={{ run_id: 'run-7', state: 'FAILED' }} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
