import { Badge } from '@/components/ui';
import type { PipelineSource } from '@/types/api';

const FORMAT_LABEL: Record<string, string> = { delimited: 'Delimited text', 'x12-837p': 'X12 837P (EDI)' };

/** The sources the pipeline reads: landing folder, file format and the mapping file that reads them. */
export function SourcesList({ sources }: { sources: PipelineSource[] }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Pipeline sources">
        <thead>
          <tr>
            <th>Payer</th>
            <th>Landing folder</th>
            <th>Format</th>
            <th>Mapping file</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.folder} data-testid="source-row">
              <td>{s.payer}</td>
              <td className="small">
                <code>{s.folder}/</code> <span className="muted">{s.files.join(' ')}</span>
              </td>
              <td>
                {FORMAT_LABEL[s.format] ?? s.format}
                {s.roll_up && (
                  <>
                    {' '}
                    <Badge tone="neutral">lines roll up to claims</Badge>
                  </>
                )}
                {Object.entries(s.rules).map(([rule, level]) => (
                  <span key={rule}>
                    {' '}
                    <Badge tone="warn">{`${rule}: ${level.toLowerCase()}`}</Badge>
                  </span>
                ))}
              </td>
              <td className="small">
                <code>{s.mapping_file}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
