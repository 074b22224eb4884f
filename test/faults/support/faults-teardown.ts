/** Stops the broker the faults setup started (and nothing it did not start). */
export default async function faultsGlobalTeardown(): Promise<void> {
  const broker = globalThis.__replyguardFaultsKafka;
  globalThis.__replyguardFaultsKafka = undefined;
  if (broker) await broker.stop();
}
