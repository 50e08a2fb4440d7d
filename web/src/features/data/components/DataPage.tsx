import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorAlert, Loading, PageHeader } from '@/components/ui';
import { formatInt } from '@/lib/format';
import type { TableInfo } from '@/types/api';
import { useTables } from '../api/catalog';
import { CatalogOverview } from './CatalogOverview';
import { LayerBadge } from './LayerBadge';
import { TableDetail } from './TableDetail';

const LAYER_ORDER = ['gold', 'silver', 'bronze'];

export default function DataPage() {
  const tables = useTables();
  const [params, setParams] = useSearchParams();
  const selected = params.get('table');
  const snapshot = params.get('snapshot');

  const groups = useMemo(() => groupByLayer(tables.data?.tables ?? []), [tables.data]);
  const table = tables.data?.tables.find((t) => t.name === selected) ?? null;

  const select = (name: string | null) => setParams(name ? { table: name } : {});
  const setSnapshot = (id: string | null) =>
    setParams(id && selected ? { table: selected, snapshot: id } : selected ? { table: selected } : {});

  return (
    <div className="data-page">
      <PageHeader title="Data" subtitle="The lakehouse catalog: tables by layer, their columns, snapshots and time travel." />
      {tables.isLoading && <Loading label="Loading catalog…" />}
      <ErrorAlert error={tables.error} title="Could not load the catalog" />
      {tables.data && (
        <div className="split">
          <nav className="table-nav card" aria-label="Tables">
            {groups.map(([layer, list]) => (
              <div key={layer} className="table-nav-group">
                <div className="table-nav-layer">
                  <LayerBadge layer={layer} />
                </div>
                <ul>
                  {list.map((t) => (
                    <li key={t.name}>
                      <button
                        type="button"
                        className={`table-nav-item${t.name === selected ? ' active' : ''}`}
                        aria-current={t.name === selected ? 'true' : undefined}
                        onClick={() => select(t.name)}
                      >
                        <span className="table-nav-name">{t.table}</span>
                        <span className="table-nav-count">{formatInt(t.row_count)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {groups.length === 0 && <EmptyState>No tables are visible to your role.</EmptyState>}
          </nav>
          <div className="split-main">
            {table ? (
              <TableDetail table={table} snapshotId={snapshot} onSnapshot={setSnapshot} />
            ) : (
              <CatalogOverview tables={tables.data.tables} onSelect={select} />
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function groupByLayer(tables: TableInfo[]): [string, TableInfo[]][] {
  const m = new Map<string, TableInfo[]>();
  for (const t of tables) {
    const l = t.layer || 'other';
    if (!m.has(l)) m.set(l, []);
    m.get(l)!.push(t);
  }
  return [...m.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}
const rank = (l: string) => (LAYER_ORDER.indexOf(l) === -1 ? 99 : LAYER_ORDER.indexOf(l));
