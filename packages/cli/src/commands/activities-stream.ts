import { open, stat } from 'node:fs/promises';
import { type Client, paginate } from '@pingone-sdk/core';
import { listActivities } from '@pingone-sdk/management';
import { activityFilter, parseTime } from '../activities/activity-window.js';
import { type Checkpoint, readCheckpoint, writeCheckpoint } from '../activities/checkpoint.js';
import { OutputStream } from '../output-stream.js';
import { UsageError } from '../usage-error.js';

export interface StreamOptions {
  since?: string;
  until?: string;
  follow?: boolean;
  checkpoint?: string;
  filter?: string;
  output?: string;
  interval: string;
  pageSize: string;
}

interface Activity {
  id: string;
  recordedAt: string;
}

/** Cuts a file back to the length a checkpoint covers, dropping a batch that was written but not recorded. */
async function truncateTo(path: string, bytes: number): Promise<void> {
  const size = await stat(path).then(
    (info) => info.size,
    () => 0,
  );
  if (size < bytes)
    throw new UsageError(`--output: ${path} is shorter than its checkpoint says; it was changed by hand`);
  const handle = await open(path, 'r+');
  await handle.truncate(bytes);
  await handle.close();
}

/**
 * Writes audit activities as NDJSON, oldest first. Each page is written and flushed, then the checkpoint
 * is replaced; a restart reads `recordedAt ge` the checkpoint's time and leaves out the ids it lists, so
 * it continues right after the last event written. Ctrl-C ends after the page in hand. Killed outright
 * between a write and its checkpoint, a stream to `--output` is cut back to the checkpoint on restart
 * (exactly once); on stdout that one page is sent again (at least once).
 */
export async function runActivitiesStream(
  options: StreamOptions,
  client: () => Promise<Client>,
): Promise<void> {
  const interval = Number(options.interval);
  if (!Number.isFinite(interval) || interval <= 0)
    throw new UsageError(`--interval: expected seconds above 0, got "${options.interval}"`);
  const limit = Number(options.pageSize);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new UsageError(`--page-size: expected an integer from 1 to 1000, got "${options.pageSize}"`);
  const until = options.until ? parseTime('--until', options.until) : undefined;
  const saved = options.checkpoint ? await readCheckpoint(options.checkpoint) : undefined;
  if (!saved && !options.since)
    throw new UsageError('--since: required unless --checkpoint names an existing checkpoint');
  let position: Checkpoint = saved ?? { recordedAt: parseTime('--since', options.since as string), ids: [] };
  let seen = new Set(position.ids);
  let time = Date.parse(position.recordedAt);

  const toFile = options.output !== undefined && options.output !== '-';
  if (toFile && saved?.outputBytes !== undefined)
    await truncateTo(options.output as string, saved.outputBytes);
  const output = new OutputStream(options.output, toFile && saved ? 'a' : 'w');
  let bytes = toFile && saved?.outputBytes !== undefined ? saved.outputBytes : 0;

  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const sdkClient = await client();
  let written = 0;
  try {
    while (!stop.signal.aborted) {
      const query = { limit, filter: activityFilter(position.recordedAt, until, options.filter) };
      try {
        for await (const page of paginate(listActivities, {
          client: sdkClient,
          query,
          signal: stop.signal,
        }).pages()) {
          const batch: string[] = [];
          for (const activity of (page._embedded?.activities ?? []) as unknown as Activity[]) {
            const at = Date.parse(activity.recordedAt);
            if (at < time || (at === time && seen.has(activity.id))) continue;
            if (at > time) {
              time = at;
              seen = new Set();
              position = { recordedAt: activity.recordedAt, ids: [] };
            }
            seen.add(activity.id);
            position.ids.push(activity.id);
            batch.push(`${JSON.stringify(activity)}\n`);
          }
          if (batch.length === 0) continue;
          const text = batch.join('');
          await output.write(text);
          await output.flush();
          bytes += Buffer.byteLength(text);
          written += batch.length;
          if (options.checkpoint) {
            await writeCheckpoint(options.checkpoint, {
              ...position,
              ...(toFile ? { outputBytes: bytes } : {}),
            });
          }
          if (stop.signal.aborted) break;
        }
      } catch (error) {
        if (!stop.signal.aborted) throw error;
      }
      // A window that closed in the past has nothing more to follow.
      const closed = until !== undefined && Date.parse(until) <= Date.now();
      if (!options.follow || stop.signal.aborted || closed) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, interval * 1000);
        stop.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await output.close();
  }
  process.stderr.write(
    `wrote ${written} activities${stop.signal.aborted ? ' (stopped; the checkpoint marks the last one)' : ''}\n`,
  );
}
