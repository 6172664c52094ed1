#!/usr/bin/env node
// BullMQ's Redis bytes per job, queued and completed, for scripts/memory-per-run.sh.
//
//   node bullmq.mjs --port P [-n 10000] [--batch 1000]
//
// On a throwaway Redis (the caller's; this script FLUSHALLs it): used_memory before, after
// addBulk of N jobs (queued), and after one Worker completed them all with BullMQ's defaults
// (completed jobs kept, events stream capped at 10,000 entries). Prints ONE JSON line on stdout.
// bullmq and ioredis come from $PEERS_NODE (default /tmp/peers-node, see
// /work/shared/bench-peers/setup.sh).
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const PEERS_NODE = process.env.PEERS_NODE || '/tmp/peers-node';
const require = createRequire(`${PEERS_NODE}/package.json`);
const { Queue, Worker } = require('bullmq');
const IORedis = require('ioredis');
const VERSION = require('bullmq/package.json').version;

const { values: a } = parseArgs({
  options: {
    port: { type: 'string' },
    jobs: { type: 'string', short: 'n', default: '10000' },
    batch: { type: 'string', default: '1000' },
  },
});
const N = Number(a.jobs);
const BATCH = Number(a.batch);
const connection = { host: '127.0.0.1', port: Number(a.port), maxRetriesPerRequest: null };
const redis = new IORedis(connection);

async function usedMemory() {
  await redis.call('MEMORY', 'PURGE').catch(() => {});
  const info = await redis.info('memory');
  const line = info.split('\r\n').find((l) => l.startsWith('used_memory:'));
  return Number(line.split(':')[1]);
}

await redis.flushall();
const queue = new Queue('memory', { connection });
await queue.waitUntilReady();
// Warm-up: scripts loaded and the queue's keys created, then the jobs removed.
await queue.add('warm', { i: -1 });
await queue.obliterate({ force: true });
const base = await usedMemory();

for (let i = 0; i < N; i += BATCH) {
  const jobs = [];
  for (let j = i; j < Math.min(N, i + BATCH); j++) jobs.push({ name: 'echo', data: { i: j } });
  await queue.addBulk(jobs);
}
const queued = await usedMemory();

let done = 0;
const finished = new Promise((resolve) => {
  const worker = new Worker('memory', async (job) => job.data, { connection, concurrency: 50 });
  worker.on('completed', () => {
    done += 1;
    if (done === N) resolve(worker);
  });
});
const worker = await finished;
await worker.close();
const counts = await queue.getJobCounts('completed', 'wait', 'active', 'failed');
const completed = await usedMemory();
await queue.close();
await redis.quit();
if (counts.completed !== N) {
  console.error('[bullmq] not every job completed:', counts);
  process.exit(1);
}
console.log(JSON.stringify({
  peer: 'bullmq',
  version: VERSION,
  jobs: N,
  baseline_bytes: base,
  queued_bytes_per_run: Math.round((queued - base) / N),
  finished_bytes_per_run: Math.round((completed - base) / N),
}));
