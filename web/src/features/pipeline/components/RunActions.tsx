import { isAdmin, useSession } from '@/features/auth/api/auth';
import type { RunSummary } from '@/types/api';
import { useRunAction } from '../api/pipeline';

/**
 * Admins: "Resume" on a failed or cancelled run (it continues from its first task that did not
 * succeed), "Cancel" on a running one (it stops before its next task). Both ask first; a refusal
 * (409: busy, not resumable, no longer running) shows the server's message.
 */
export function RunActions({ run }: { run: Pick<RunSummary, 'run_id' | 'state'> }) {
  const session = useSession();
  const resume = useRunAction('resume');
  const cancel = useRunAction('cancel');
  if (!isAdmin(session?.role)) return null;
  const canResume = run.state === 'FAILED' || run.state === 'CANCELLED';
  const canCancel = run.state === 'RUNNING';
  if (!canResume && !canCancel) return null;
  const error = (resume.error ?? cancel.error) as Error | null;
  return (
    <div className="run-actions">
      {canResume && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={resume.isPending}
          onClick={() => {
            if (window.confirm(`Resume run ${run.run_id} from its first task that did not succeed?`)) resume.mutate(run.run_id);
          }}
        >
          {resume.isPending ? 'Resuming…' : 'Resume'}
        </button>
      )}
      {canCancel && (
        <button
          type="button"
          className="btn"
          disabled={cancel.isPending || cancel.isSuccess}
          onClick={() => {
            if (window.confirm(`Cancel run ${run.run_id}? It stops before its next task.`)) cancel.mutate(run.run_id);
          }}
        >
          {cancel.isPending ? 'Cancelling…' : cancel.isSuccess ? 'Cancel requested' : 'Cancel'}
        </button>
      )}
      {error && (
        <span className="alert alert-warn small" role="alert">
          {error.message}
        </span>
      )}
    </div>
  );
}
