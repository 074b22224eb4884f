import type { BenchSection } from '../types';
import { engineBench } from './engine.bench';

/** Every benchmark section, in the order they run. Add new sections here. */
export const SECTIONS: BenchSection[] = [engineBench];
