import { stopLeftovers } from './leftovers';

/** Stops the broker the faults setup started, and whatever a failed test left running (nothing else). */
export default async function faultsGlobalTeardown(): Promise<void> {
  stopLeftovers();
  const broker = globalThis.__replyguardFaultsKafka;
  globalThis.__replyguardFaultsKafka = undefined;
  if (broker) await broker.stop();
}
