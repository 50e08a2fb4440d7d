import { useState } from 'react';
import { SqlBlock } from '@/components/SqlBlock';
import { Card, EmptyState, ErrorAlert, Loading, PageHeader } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import type { VerifiedAnswer } from '@/types/api';
import { useVerified, useVerifiedMutations } from '../api/learning';

/** Verified answers: list, edit the question shown and the note, remove. */
export default function VerifiedPage() {
  const verified = useVerified();
  const list = verified.data?.verified ?? [];
  return (
    <div className="verified-page">
      <PageHeader title="Verified answers"
        subtitle="Answers an analyst checked. Any question that compiles to the same semantic query shows “Verified by …”, and these pairs guide retrieval." />
      {verified.isLoading && <Loading label="Loading verified answers…" />}
      <ErrorAlert error={verified.error} title="Could not load verified answers" />
      {verified.data && list.length === 0 && <EmptyState>No verified answers yet: use “Mark verified” under an answer on the Ask page.</EmptyState>}
      {list.map((v) => (
        <VerifiedCard key={v.id} v={v} />
      ))}
    </div>
  );
}

function VerifiedCard({ v }: { v: VerifiedAnswer }) {
  const { edit, remove } = useVerifiedMutations();
  const [editing, setEditing] = useState(false);
  const [question, setQuestion] = useState(v.question);
  const [note, setNote] = useState(v.note ?? '');
  return (
    <Card testId="verified-answer" title={v.question}
      actions={
        <>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing((e) => !e)}>
            {editing ? 'Cancel' : 'Edit'}
          </button>
          <button type="button" className="btn btn-ghost btn-sm" disabled={remove.isPending}
            onClick={() => { if (window.confirm(`Remove the verification of “${v.question}”?`)) remove.mutate(v.id); }}>
            Remove
          </button>
        </>
      }>
      <p className="muted small">
        Verified by <strong>{v.verified_by}</strong> on {formatDateTime(v.verified_at)}
        {v.updated_at !== v.verified_at ? ` · edited ${formatDateTime(v.updated_at)}` : ''}
      </p>
      {editing ? (
        <form className="verify-form" onSubmit={(e) => {
          e.preventDefault();
          edit.mutate({ id: v.id, question, note: note.trim() || null }, { onSuccess: () => setEditing(false) });
        }}>
          <label className="inline-field"><span>Question</span>
            <input aria-label="Question" value={question} onChange={(e) => setQuestion(e.target.value)} /></label>
          <label className="inline-field"><span>Note</span>
            <input aria-label="Note" value={note} onChange={(e) => setNote(e.target.value)} /></label>
          <button type="submit" className="btn btn-sm" disabled={edit.isPending}>Save</button>
          <ErrorAlert error={edit.error} title="Could not save" />
        </form>
      ) : (
        v.note && <p>{v.note}</p>
      )}
      <ErrorAlert error={remove.error} title="Could not remove" />
      <SqlBlock sql={v.sql} defaultOpen={false} />
    </Card>
  );
}
