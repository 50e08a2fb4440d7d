import { useMemo, useState } from 'react';
import { Badge } from '@/components/ui';
import { formatInt, formatPercent, humanize } from '@/lib/format';
import type { QualityResult } from '@/types/api';

/** The quality checks of a run: failure rate as an inline bar against its threshold. */
export function QualityChecks({ quality }: { quality: QualityResult[] }) {
  const [onlyFailing, setOnlyFailing] = useState(true);
  const rows = useMemo(
    () =>
      [...quality]
        .filter((q) => !onlyFailing || q.rows_failed > 0 || !q.passed)
        .sort((a, b) => Number(a.passed) - Number(b.passed) || (b.failure_rate ?? 0) - (a.failure_rate ?? 0)),
    [quality, onlyFailing],
  );
  const maxRate = Math.max(0.0001, ...quality.map((q) => Math.max(q.failure_rate ?? 0, q.threshold ?? 0)));
  return (
    <div className="quality" data-testid="quality-checks">
      <label className="checkbox">
        <input type="checkbox" checked={onlyFailing} onChange={(e) => setOnlyFailing(e.target.checked)} /> Only checks with failures
      </label>
      <div className="table-scroll">
        <table className="table" aria-label="Quality checks">
          <thead>
            <tr>
              <th>Payer</th>
              <th>Check</th>
              <th>Severity</th>
              <th className="num">Failed / checked</th>
              <th>Failure rate</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((q) => {
              const rate = q.failure_rate ?? (q.rows_checked ? q.rows_failed / q.rows_checked : 0);
              return (
                <tr key={`${q.batch_id}-${q.payer}-${q.layer}-${q.check_name}`}>
                  <td>{q.payer}</td>
                  <td>
                    <code>{q.check_name}</code> <span className="muted small">{q.layer}</span>
                  </td>
                  <td>
                    <Badge tone={q.severity === 'WARN' ? 'warn' : 'neutral'}>{q.severity.toLowerCase()}</Badge>
                  </td>
                  <td className="num">
                    {formatInt(q.rows_failed)} / {formatInt(q.rows_checked)}
                  </td>
                  <td>
                    <div className="meter" title={`${formatPercent(rate, 2)}${q.threshold != null ? ` (threshold ${formatPercent(q.threshold, 1)})` : ''}`}>
                      <div className={`meter-fill${q.passed ? '' : ' bad'}`} style={{ width: `${Math.min(100, (rate / maxRate) * 100)}%` }} />
                      {q.threshold != null && <div className="meter-mark" style={{ left: `${Math.min(100, (q.threshold / maxRate) * 100)}%` }} />}
                      <span className="meter-label">{formatPercent(rate, 2)}</span>
                    </div>
                  </td>
                  <td>{q.passed ? <Badge tone="good">passed</Badge> : <Badge tone="bad">failed</Badge>}</td>
                </tr>
              );
            })}
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} className="muted center">
                  {quality.length ? 'Every check passed with no failing rows.' : 'No quality results for this run.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className="muted small">Checks: {[...new Set(quality.map((q) => humanize(q.check_name.toLowerCase())))].length} kinds over {new Set(quality.map((q) => q.payer)).size} payers.</p>
    </div>
  );
}
