import { useId } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ResultTable } from '@/components/ResultTable';
import { Badge, Card, ErrorAlert, Loading } from '@/components/ui';
import { AXIS, GRID } from '@/lib/chart-theme';
import { chartAnimation } from '@/lib/motion';
import { formatAxis, formatDateTime, formatInt } from '@/lib/format';
import type { Snapshot, TableInfo } from '@/types/api';
import { usePreview, useSnapshots } from '../api/catalog';
import { LayerBadge } from './LayerBadge';
import { StorageLocation } from './StorageLocation';

export interface TableDetailProps {
  table: TableInfo;
  snapshotId: string | null;
  onSnapshot: (id: string | null) => void;
}

export function TableDetail({ table, snapshotId, onSnapshot }: TableDetailProps) {
  const snaps = useSnapshots(table.name);
  const preview = usePreview(table.name, snapshotId);
  const selectId = useId();
  const snapshots = snaps.data?.snapshots ?? [];
  const current = table.current_snapshot_id != null ? String(table.current_snapshot_id) : null;
  const chosen = snapshots.find((s) => String(s.snapshot_id) === snapshotId);
  const timeline = snapshots
    .map((s) => ({ at: s.committed_at, label: formatDateTime(s.committed_at), records: totalRecords(s), id: String(s.snapshot_id) }))
    .filter((d) => d.records !== null)
    .reverse();

  return (
    <div className="table-detail">
      <div className="table-detail-head">
        <h2>
          <code>{table.name}</code> <LayerBadge layer={table.layer} />
        </h2>
        <p className="muted">{table.description}</p>
        <p className="table-location-line">
          <span className="muted small">Stored at </span>
          <StorageLocation location={table.location} />
        </p>
        <div className="kpis">
          <div className="kpi">
            <div className="kpi-label">Rows</div>
            <div className="kpi-value">{formatInt(table.row_count)}</div>
          </div>
          <div className="kpi">
            <div className="kpi-label">Columns</div>
            <div className="kpi-value">{table.columns.length}</div>
          </div>
          <div className="kpi">
            <div className="kpi-label">Snapshots</div>
            <div className="kpi-value">{snaps.data ? snapshots.length : '…'}</div>
          </div>
          <div className="kpi">
            <div className="kpi-label">Current snapshot</div>
            <div className="kpi-value kpi-mono">{current ?? '—'}</div>
          </div>
        </div>
      </div>

      <Card title="Columns">
        <div className="table-scroll">
          <table className="table" aria-label={`Columns of ${table.name}`}>
            <thead>
              <tr>
                <th>Name</th>
                <th>Type</th>
                <th>Description</th>
              </tr>
            </thead>
            <tbody>
              {table.columns.map((c) => (
                <tr key={c.name}>
                  <td>
                    <code>{c.name}</code> {c.pii && <Badge tone="bad" title="Personally identifiable: masked for business users">PII</Badge>}
                  </td>
                  <td className="muted">{c.type}</td>
                  <td>{c.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card title="Snapshots">
        {snaps.isLoading && <Loading label="Loading snapshots…" />}
        <ErrorAlert error={snaps.error} />
        {timeline.length > 1 && (
          <div data-testid="snapshot-chart">
            <ResponsiveContainer width="100%" height={180} initialDimension={{ width: 640, height: 180 }}>
              <LineChart data={timeline} margin={{ top: 8, right: 24, bottom: 4, left: 8 }}>
                <CartesianGrid stroke={GRID} vertical={false} />
                <XAxis dataKey="label" stroke={AXIS} tick={{ fontSize: 11 }} minTickGap={24} />
                <YAxis stroke={AXIS} tick={{ fontSize: 12 }} tickFormatter={(v) => formatAxis(v)} width={56} />
                <Tooltip formatter={(v) => formatInt(Number(v))} />
                <Line type="stepAfter" dataKey="records" name="Total records" stroke="#2563eb" strokeWidth={2} isAnimationActive={chartAnimation()} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
        {snaps.data && snapshots.length === 0 && <p className="muted">No snapshots.</p>}
        {snapshots.length > 0 && (
          <ol className="snapshot-list" aria-label="Snapshots, newest first">
            {snapshots.map((s) => {
              const id = String(s.snapshot_id);
              const active = snapshotId ? id === snapshotId : id === current;
              return (
                <li key={id} className={`snapshot${active ? ' active' : ''}`} data-testid="snapshot">
                  <div className="snapshot-main">
                    <Badge tone={s.operation === 'overwrite' || s.operation === 'delete' ? 'warn' : 'info'}>{s.operation}</Badge>
                    <span className="kpi-mono small">{id}</span>
                    {id === current && <Badge tone="good">current</Badge>}
                  </div>
                  <div className="snapshot-meta muted small">
                    {formatDateTime(s.committed_at)}
                    {summaryLine(s)}
                  </div>
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm"
                    aria-label={`View table as of snapshot ${id}`}
                    disabled={active}
                    onClick={() => onSnapshot(id === current ? null : id)}
                  >
                    {active ? 'Viewing' : 'View as of'}
                  </button>
                </li>
              );
            })}
          </ol>
        )}
      </Card>

      <Card
        title="Preview"
        actions={
          <div className="inline-field">
            <label htmlFor={selectId}>As of snapshot</label>
            <select id={selectId} aria-label="As of snapshot" value={snapshotId ?? ''} onChange={(e) => onSnapshot(e.target.value || null)}>
              <option value="">Current</option>
              {snapshots.map((s) => (
                <option key={String(s.snapshot_id)} value={String(s.snapshot_id)}>
                  {String(s.snapshot_id)} · {formatDateTime(s.committed_at)} · {s.operation}
                </option>
              ))}
            </select>
          </div>
        }
      >
        {snapshotId && (
          <div className="alert alert-info" data-testid="time-travel-banner">
            Time travel: showing <code>{table.name}</code> as of snapshot <code>{snapshotId}</code>
            {chosen ? ` (committed ${formatDateTime(chosen.committed_at)})` : ''}.{' '}
            <button type="button" className="link" onClick={() => onSnapshot(null)}>
              Back to current
            </button>
          </div>
        )}
        {preview.isLoading && <Loading label="Loading rows…" />}
        <ErrorAlert error={preview.error} />
        {preview.data && (
          <div className={preview.isFetching ? 'fading' : undefined}>
            <ResultTable
              columns={preview.data.columns}
              rows={preview.data.rows}
              title={`${table.name}${snapshotId ? `@${snapshotId}` : ''}`}
              truncated={preview.data.truncated}
              rowCount={preview.data.row_count}
              testId="preview-table"
              dense
            />
          </div>
        )}
      </Card>
    </div>
  );
}

function totalRecords(s: Snapshot): number | null {
  const v = s.summary?.['total-records'];
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

function summaryLine(s: Snapshot): string {
  const sum = s.summary ?? {};
  const parts: string[] = [];
  const add = (k: string, label: string) => {
    const v = sum[k];
    if (v !== undefined && v !== null && v !== '' && v !== '0') parts.push(`${label} ${formatInt(Number(v))}`);
  };
  add('added-records', '+');
  add('deleted-records', '−');
  add('total-records', 'total');
  return parts.length ? ` · ${parts.join(' · ')}` : '';
}
