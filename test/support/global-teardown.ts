/** Stops the broker the global setup started (and nothing it did not start). */
export default async function globalTeardown(): Promise<void> {
  const broker = globalThis.__replyguardKafka;
  globalThis.__replyguardKafka = undefined;
  if (broker) await broker.stop();
}
