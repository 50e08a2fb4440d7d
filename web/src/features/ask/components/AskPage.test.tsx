import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { controllableSse, json, renderWithProviders, signInAs, stubFetch } from '@/test/render';
import { lineAnswer, makeAnswer } from '@/test/fixtures';
import AskPage from './AskPage';

afterEach(() => vi.unstubAllGlobals());

describe('AskPage', () => {
  it('streams the trace, shows the answer, and continues the conversation from a suggestion', async () => {
    signInAs('analyst');
    const streams = [controllableSse(), controllableSse()];
    let n = 0;
    const { calls } = stubFetch({
      'GET /api/ask/examples': () => json({ examples: ['What is the denial rate by payer?', 'How many claims were denied?'] }),
      'POST /api/ask/stream': () => streams[n++].response,
    });
    const user = userEvent.setup();
    renderWithProviders(<AskPage />, { route: '/ask' });

    // example questions come from the server
    const example = await screen.findByRole('button', { name: 'How many claims were denied?' });
    expect(example).toHaveAttribute('data-testid', 'suggestion-chip');

    await user.type(screen.getByRole('textbox', { name: 'Question' }), 'What is the denial rate by payer?{Enter}');
    expect(await screen.findByRole('heading', { name: 'What is the denial rate by payer?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /answering/i })).toBeDisabled();

    // trace steps appear one by one, before the answer
    streams[0].send('trace', { agent: 'router', summary: 'analytics question', ms: 2 });
    await waitFor(() => expect(screen.getAllByTestId('trace-step')).toHaveLength(1));
    streams[0].send('trace', { agent: 'planner', summary: 'denial_rate by payer', ms: 3 });
    await waitFor(() => expect(screen.getAllByTestId('trace-step')).toHaveLength(2));
    expect(screen.queryByTestId('answer')).not.toBeInTheDocument();

    streams[0].send('answer', makeAnswer({ conversation_id: 'conv-1' }));
    streams[0].close();
    const chart = await screen.findByTestId('answer-chart');
    expect(chart).toHaveAttribute('data-chart-type', 'bar');
    expect(screen.getByTestId('answer-sql')).toHaveTextContent('SELECT payer');

    // follow-up through a suggestion chip carries the conversation id
    const firstBody = await calls.find((c) => c.url.endsWith('/api/ask/stream'))!.clone().json();
    expect(firstBody).toEqual({ question: 'What is the denial rate by payer?' });
    await user.click(screen.getByRole('button', { name: 'How has the denial rate changed by month?' }));
    await waitFor(() => expect(screen.getAllByTestId('turn')).toHaveLength(2));
    const second = calls.filter((c) => c.url.endsWith('/api/ask/stream'))[1];
    expect(await second.clone().json()).toEqual({ question: 'How has the denial rate changed by month?', conversation_id: 'conv-1' });

    streams[1].send('trace', { agent: 'router', summary: 'follow-up', ms: 1 });
    streams[1].send('answer', { ...lineAnswer, conversation_id: 'conv-1', answer_id: 'a2', cached: true });
    streams[1].close();
    await waitFor(() => expect(screen.getAllByTestId('answer')).toHaveLength(2));
    const turns = screen.getAllByTestId('turn');
    // the earlier answer stays above
    expect(within(turns[0]).getByTestId('answer-chart')).toHaveAttribute('data-chart-type', 'bar');
    expect(within(turns[1]).getByTestId('answer-chart')).toHaveAttribute('data-chart-type', 'line');
    expect(within(turns[1]).getByTestId('cached-badge')).toBeInTheDocument();
  });

  it('reopens a conversation from the URL', async () => {
    signInAs('analyst');
    stubFetch({
      'GET /api/ask/examples': () => json({ examples: [] }),
      'GET /api/conversations/conv-7': () =>
        json({ conversation_id: 'conv-7', answers: [makeAnswer({ conversation_id: 'conv-7' }), { ...lineAnswer, conversation_id: 'conv-7', answer_id: 'a2' }] }),
    });
    renderWithProviders(<AskPage />, { route: '/ask?c=conv-7' });
    await waitFor(() => expect(screen.getAllByTestId('turn')).toHaveLength(2));
    expect(screen.getByRole('heading', { name: 'How has the denial rate changed by month?' })).toBeInTheDocument();
    expect(screen.getAllByTestId('answer-chart').map((c) => c.getAttribute('data-chart-type'))).toEqual(['bar', 'line']);
  });

  it('shows a failed request in the thread', async () => {
    signInAs('business');
    stubFetch({
      'GET /api/ask/examples': () => json({ examples: [] }),
      'POST /api/ask/stream': () => json({ error: { code: 'RATE_LIMITED', message: 'Too many questions, wait a minute' } }, 429),
    });
    const user = userEvent.setup();
    renderWithProviders(<AskPage />, { route: '/ask' });
    await user.type(screen.getByRole('textbox', { name: 'Question' }), 'anything{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many questions, wait a minute');
  });
});
