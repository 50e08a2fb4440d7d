import { Badge, type Tone } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import type { RunEvent } from '@/types/api';

const KINDS: Record<string, { label: string; tone: Tone }> = {
  resumed: { label: 'resumed', tone: 'warn' },
  cancel_requested: { label: 'cancel requested', tone: 'bad' },
  backfill: { label: 'backfill', tone: 'info' },
};

/** What happened to a run besides its tasks, oldest first: backfill chosen, cancel asked, resumed. */
export function RunEvents({ events }: { events: RunEvent[] }) {
  const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <ol className="run-events" aria-label="Run events">
      {sorted.map((e, i) => {
        const k = KINDS[e.kind] ?? { label: e.kind.replace(/_/g, ' '), tone: 'neutral' as Tone };
        return (
          <li key={`${e.at}-${i}`} data-testid="run-event" data-kind={e.kind}>
            <span className="muted small run-event-at">{formatDateTime(e.at)}</span>
            <Badge tone={k.tone}>{k.label}</Badge>
            {e.detail && <span className="small">{e.detail}</span>}
          </li>
        );
      })}
    </ol>
  );
}
