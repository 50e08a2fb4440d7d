import { render, screen } from '@testing-library/react';
import { StorageLocation, storageOf } from './StorageLocation';

describe('StorageLocation', () => {
  it('names S3 and local-file locations', () => {
    expect(storageOf('s3://medflow-warehouse/healthcare/claims_clean')).toEqual({ kind: 's3', label: 'S3' });
    expect(storageOf('file:/var/lib/medflow/warehouse/healthcare/claims_clean')).toEqual({ kind: 'file', label: 'Local files' });
    expect(storageOf('hdfs://nn/warehouse/t').kind).toBe('other');
  });

  it('shows the badge and the full location of a table on S3', () => {
    render(<StorageLocation location="s3://medflow-warehouse/healthcare/claims_clean" />);
    const el = screen.getByTestId('table-location');
    expect(el).toHaveAttribute('data-kind', 's3');
    expect(el).toHaveTextContent('S3 s3://medflow-warehouse/healthcare/claims_clean');
  });

  it('says so when the table does not exist yet', () => {
    render(<StorageLocation location={null} />);
    expect(screen.getByText('not created yet')).toBeInTheDocument();
  });
});
