import { useState } from 'react';
import { Badge, ErrorAlert, Loading } from '@/components/ui';
import type { PayerResult } from '@/types/api';
import { useQuarantine } from '../api/pipeline';

/** A sample of quarantined rows with every reason they broke; filter by payer. */
export function QuarantineSample({ payers }: { payers: PayerResult[] }) {
  const [payer, setPayer] = useState<string>('');
  const batches = [...new Set(payers.map((p) => p.batch_id))];
  const selected = payers.find((p) => p.payer === payer);
  const batchId = selected?.batch_id ?? (batches.length === 1 ? batches[0] : null);
  const q = useQuarantine(batchId, payer || null, true);
  return (
    <div data-testid="quarantine-sample">
      <div className="toolbar">
        <label className="inline-field">
          <span>Payer</span>
          <select value={payer} onChange={(e) => setPayer(e.target.value)} aria-label="Filter quarantined rows by payer">
            <option value="">All payers</option>
            {payers.map((p) => (
              <option key={`${p.payer}-${p.batch_id}`} value={p.payer}>
                {p.payer}
              </option>
            ))}
          </select>
        </label>
      </div>
      {q.isLoading && <Loading label="Loading quarantined rows…" />}
      <ErrorAlert error={q.error} />
      {q.data && (
        <div className="table-scroll">
          <table className="table" aria-label="Quarantined rows">
            <thead>
              <tr>
                <th>Payer</th>
                <th>Source</th>
                <th>Claim</th>
                <th>Reasons</th>
                <th>Raw line</th>
              </tr>
            </thead>
            <tbody>
              {q.data.rows.map((r) => (
                <tr key={`${r.source_file}:${r.source_line}`} data-testid="quarantine-row">
                  <td>{r.payer}</td>
                  <td className="small">
                    <code>{r.source_file.split('/').pop()}</code>:{r.source_line}
                  </td>
                  <td className="nowrap">{r.claim_id ?? <span className="muted">—</span>}</td>
                  <td>
                    <div className="reason-list">
                      {r.reasons.map((x) => (
                        <Badge key={x} tone="bad">
                          {x}
                        </Badge>
                      ))}
                    </div>
                  </td>
                  <td>
                    <code className="raw-line" title={r.raw_line}>
                      {r.raw_line}
                    </code>
                  </td>
                </tr>
              ))}
              {q.data.rows.length === 0 && (
                <tr>
                  <td colSpan={5} className="muted center">
                    No quarantined rows.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
