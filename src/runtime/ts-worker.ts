// Starts a worker thread running a TypeScript module. Node does not pass tsx's loader hooks on
// to worker threads (neither `register()` nor `--import` reaches them), so the worker boots from
// a two-line ESM script that registers tsx itself and then imports the module.
import { Worker } from 'node:worker_threads';

export function startTsWorker(module: URL, workerData: unknown): Worker {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
