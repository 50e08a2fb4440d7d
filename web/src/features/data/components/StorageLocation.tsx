import { Badge } from '@/components/ui';

export interface Storage {
  kind: 's3' | 'file' | 'other';
  label: string;
}

/** What kind of storage a table location is on, for a badge. */
export function storageOf(location: string): Storage {
  if (/^s3a?:\/\//i.test(location)) return { kind: 's3', label: 'S3' };
  if (/^file:/i.test(location) || location.startsWith('/')) return { kind: 'file', label: 'Local files' };
  return { kind: 'other', label: location.split(':')[0] || 'Storage' };
}

/** Where a table's files live: a storage badge and the full location. */
export function StorageLocation({ location }: { location?: string | null }) {
  if (!location) return <span className="muted small">not created yet</span>;
  const storage = storageOf(location);
  return (
    <span className="storage-location small" data-testid="table-location" data-kind={storage.kind}>
      <Badge tone={storage.kind === 's3' ? 'info' : 'neutral'} title={`Stored on ${storage.label}`}>
        {storage.label}
      </Badge>{' '}
      <code title={location}>{location}</code>
    </span>
  );
}
