import { Badge } from '@/components/ui';

export function LayerBadge({ layer }: { layer: string }) {
  const tone = layer === 'gold' ? 'warn' : layer === 'silver' ? 'neutral' : layer === 'bronze' ? 'accent' : 'info';
  return <Badge tone={tone}>{layer}</Badge>;
}
