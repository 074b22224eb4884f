import type { BenchSection } from '../types';
import { e2eBench } from './e2e.bench';
import { engineBench } from './engine.bench';
import { ingestBench } from './ingest.bench';
import { queueBench } from './queue.bench';

/** Every benchmark section, in the order they run. Add new sections here. */
export const SECTIONS: BenchSection[] = [engineBench, ingestBench, e2eBench, queueBench];
