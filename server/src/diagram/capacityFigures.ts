import type { DiagramNode } from '../service/features/diagramModel';

/** What a pool's capacity bar says in words: `45,000 / 60,000 users`, or `capacity 60,000 users` with no plan. */
export function capacityFigures({ planned, capacity }: NonNullable<DiagramNode['capacity']>): string {
  const count = (n: number) => n.toLocaleString('en-US');
  return planned === undefined ? `capacity ${count(capacity)} users` : `${count(planned)} / ${count(capacity)} users`;
}
