import type { PipelineTask } from '@/types/api';

export interface GanttRow {
  name: string;
  state: string;
  /** ms from the first task's start */
  offset: number;
  duration: number;
  rows: number | null;
  /** Times the task was tried (0 or absent when it never started). */
  attempts: number;
}

/** Lays tasks out on one time axis (ms since the first start); a running task runs up to `now`. */
export function taskTimeline(tasks: PipelineTask[], now = Date.now()): GanttRow[] {
  const starts = tasks.map((t) => (t.started_at ? Date.parse(t.started_at) : NaN)).filter(Number.isFinite);
  const origin = starts.length ? Math.min(...starts) : 0;
  return tasks.map((t) => {
    const start = t.started_at ? Date.parse(t.started_at) : NaN;
    if (!Number.isFinite(start)) return { name: t.name, state: t.state, offset: 0, duration: 0, rows: t.rows, attempts: t.attempts ?? 0 };
    const end = t.finished_at ? Date.parse(t.finished_at) : NaN;
    const duration =
      t.duration_ms ?? (Number.isFinite(end) ? end - start : t.state === 'RUNNING' ? Math.max(0, now - start) : 0);
    return { name: t.name, state: t.state, offset: start - origin, duration: Math.max(0, duration), rows: t.rows, attempts: t.attempts ?? 0 };
  });
}
