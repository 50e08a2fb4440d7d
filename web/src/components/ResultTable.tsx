import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { downloadText, slugify, toCsv } from '@/lib/csv';
import { formatCell, isNumericColumn } from '@/lib/format';
import type { Cell, Column, Row } from '@/types/api';

export interface ResultTableProps {
  columns: Column[];
  rows: Row[];
  /** Used for the CSV file name and the table's accessible name. */
  title?: string;
  truncated?: boolean;
  rowCount?: number;
  pageSize?: number;
  csv?: boolean;
  testId?: string;
  /** Columns whose values are masked PII, shown in a muted style. */
  dense?: boolean;
}

function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1; // nulls last
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

/** A sortable result table (click a header) with CSV download of the full result. */
export function ResultTable({
  columns,
  rows,
  title = 'result',
  truncated,
  rowCount,
  pageSize = 100,
  csv = true,
  testId = 'result-table',
  dense,
}: ResultTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [limit, setLimit] = useState(pageSize);

  const defs = useMemo<ColumnDef<Row>[]>(
    () =>
      columns.map((c, i) => ({
        id: `${i}:${c.name}`,
        header: c.name,
        // null → undefined so `sortUndefined: 'last'` keeps empty values last in both directions
        accessorFn: (r: Row) => r[i] ?? undefined,
        sortingFn: (ra, rb, id) => compareCells(ra.getValue(id) as Cell, rb.getValue(id) as Cell),
        sortUndefined: 'last',
        cell: (ctx) => formatCell((ctx.getValue() ?? null) as Cell, c),
        meta: { numeric: isNumericColumn(c), type: c.type },
      })),
    [columns],
  );

  const table = useReactTable({
    data: rows,
    columns: defs,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  const sortedRows = table.getRowModel().rows;
  const shown = sortedRows.slice(0, limit);

  const exportCsv = () => {
    // Export in the order shown (sorted), raw values.
    const data = sortedRows.map((r) => r.original);
    downloadText(`${slugify(title)}.csv`, toCsv(columns, data));
  };

  return (
    <div className="result-table" data-testid={testId}>
      <div className="result-table-bar">
        <span className="muted small">
          {(rowCount ?? rows.length).toLocaleString('en-US')} row{(rowCount ?? rows.length) === 1 ? '' : 's'}
          {truncated ? ' (truncated)' : ''}
        </span>
        {csv && (
          <button type="button" className="btn btn-ghost btn-sm" onClick={exportCsv} disabled={!columns.length}>
            <DownloadIcon /> Download CSV
          </button>
        )}
      </div>
      <div className="table-scroll">
        <table className={`table${dense ? ' table-dense' : ''}`} aria-label={title}>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  const numeric = (h.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  return (
                    <th
                      key={h.id}
                      className={numeric ? 'num' : undefined}
                      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                    >
                      <button
                        type="button"
                        className="th-sort"
                        onClick={h.column.getToggleSortingHandler()}
                        title={`Sort by ${String(h.column.columnDef.header)}`}
                      >
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span className="sort-ind" aria-hidden="true">
                          {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                {r.getVisibleCells().map((cell) => {
                  const numeric = (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                  const v = cell.getValue();
                  return (
                    <td key={cell.id} className={`${numeric ? 'num' : ''}${v == null ? ' null' : ''}`.trim() || undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={Math.max(columns.length, 1)} className="muted center">
                  No rows.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {sortedRows.length > limit && (
        <div className="center">
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setLimit((l) => l + pageSize * 5)}>
            Show more ({(sortedRows.length - limit).toLocaleString('en-US')} more)
          </button>
        </div>
      )}
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M12 3v12m0 0l-4-4m4 4l4-4M4 19h16" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
