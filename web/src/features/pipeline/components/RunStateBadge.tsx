import { Badge, type Tone } from '@/components/ui';

const TONES: Record<string, Tone> = {
  SUCCEEDED: 'good',
  RUNNING: 'info',
  FAILED: 'bad',
  GATE_FAILED: 'bad',
  NOTHING_TO_DO: 'neutral',
  CANCELLED: 'warn',
  PENDING: 'neutral',
  SKIPPED: 'neutral',
};

export function RunStateBadge({ state }: { state: string }) {
  return (
    <Badge tone={TONES[state] ?? 'neutral'} testId="state-badge">
      {state === 'RUNNING' && <span className="pulse" aria-hidden="true" />}
      {state.replace(/_/g, ' ').toLowerCase()}
    </Badge>
  );
}
