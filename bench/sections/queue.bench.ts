import type { BenchResult, BenchSection } from '../types';

export const queueBench: BenchSection = {
  name: 'queue',
  description: 'GET /v1/moderation/queue at 1,000,000 comments (placeholder)',
  run(): BenchResult[] {
    return [];
  },
};
