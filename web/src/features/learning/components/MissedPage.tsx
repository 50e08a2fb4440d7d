import { Badge, Card, EmptyState, ErrorAlert, Loading, PageHeader, type Tone } from '@/components/ui';
import { formatDateTime, formatInt } from '@/lib/format';
import { useMissed } from '../api/learning';

const KIND: Record<string, { label: string; tone: Tone }> = {
  unanswerable: { label: 'could not answer', tone: 'warn' },
  clarify: { label: 'asked which reading', tone: 'info' },
  thumbs_down: { label: 'thumbs down', tone: 'bad' },
};

/** Admin: what people asked that we could not answer or got wrong, grouped, with the words to add next. */
export default function MissedPage() {
  const missed = useMissed();
  const r = missed.data;
  return (
    <div className="missed-page">
      <PageHeader title="What people asked that we could not answer or got wrong"
        subtitle="Unanswerable and ambiguous questions and thumbs-down, grouped by question. The leftover words are what the semantic model does not know yet." />
      {missed.isLoading && <Loading label="Loading…" />}
      <ErrorAlert error={missed.error} title="Could not load the report" />
      {r && (
        <>
          <Card title="Words we could not place">
            {r.leftover_words.length === 0 ? <EmptyState>None yet.</EmptyState> : (
              <div className="chips" data-testid="leftover-words">
                {r.leftover_words.map((w) => (
                  <span key={w.word} className="chip">{w.word} <span className="muted">×{w.count}</span></span>
                ))}
              </div>
            )}
          </Card>
          <Card title={`Questions (${r.groups.length})`}>
            {r.groups.length === 0 ? <EmptyState>Nothing missed so far.</EmptyState> : (
              <table className="table" data-testid="missed-table">
                <thead>
                  <tr><th>Question</th><th>What happened</th><th>Times</th><th>Users</th><th>Leftover words</th><th>Comments</th><th>Last</th></tr>
                </thead>
                <tbody>
                  {r.groups.map((g) => (
                    <tr key={g.kind + g.question} data-testid="missed-group" data-kind={g.kind}>
                      <td>{g.question}</td>
                      <td><Badge tone={KIND[g.kind]?.tone ?? 'neutral'}>{KIND[g.kind]?.label ?? g.kind}</Badge></td>
                      <td>{formatInt(g.count)}</td>
                      <td>{formatInt(g.users)}</td>
                      <td>{g.leftover_words.join(', ')}</td>
                      <td>{g.comments.join(' · ')}</td>
                      <td>{formatDateTime(g.last_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
