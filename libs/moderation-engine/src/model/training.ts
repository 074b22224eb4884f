/**
 * What tools/train needs to produce model files that this library reads: the feature extractors, the
 * file format and the lexicon. Exported through the root as `modelTraining`; the service never needs it.
 */
export { FeatureBuffer } from './features';
export { MODEL_FORMAT, packHead, serialiseModel } from './model-file';
export type { HeadFile, ModelFile, ModelManifest } from './model-file';
export { Lexicon } from './lexicon';
export type { LexiconData } from './lexicon';
export { spamFeatures, SPAM_BITS } from './spam-features';
export { toxicityFeatures, TOXICITY_BITS } from './toxicity-features';
export { extractLinks } from '../text/links';
