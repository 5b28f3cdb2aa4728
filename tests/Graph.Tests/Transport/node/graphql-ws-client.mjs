// Drives CityTwin's /graphql with the real graphql-ws client (https://github.com/enisdenjo/graphql-ws) and prints one
// JSON line per observation for GraphQLWsClientTests to assert on.
// Usage: node graphql-ws-client.mjs <ws-url> <api-key> [events]
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, key, eventsArg = '5'] = process.argv.slice(2);
const events = Number(eventsArg);
const print = (line) => console.log(JSON.stringify(line));

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { authorization: `Bearer ${key}` },
  retryAttempts: 0,
  // One socket for the whole run, as the map client holds it.
  lazy: false,
  onNonLazyError: (error) => print({ kind: 'connection-error', code: error?.code, reason: error?.reason }),
  on: {
    connected: () => print({ kind: 'connected' }),
    closed: (event) => print({ kind: 'closed', code: event.code, reason: event.reason }),
  },
});

/** Runs one operation to its end; resolves with what it saw instead of throwing, so every outcome is printed. */
function run(payload, onNext = () => {}) {
  return new Promise((resolve) => {
    const seen = [];
    let stopped = false;
    const dispose = client.subscribe(payload, {
      next: (value) => {
        // Events already on the wire when the client completed still arrive; they are no longer ours.
        if (stopped) return;
        seen.push(value);
        onNext(value, seen, () => {
          stopped = true;
          dispose();
          resolve({ end: 'client-complete', seen });
        });
      },
      error: (error) => resolve({ end: 'error', seen, error }),
      complete: () => resolve({ end: 'complete', seen }),
    });
  });
}

try {
  const query = await run({ query: '{ hello whoami }' });
  print({ kind: 'query', end: query.end, data: query.seen[0]?.data });

  const stream = await run({ query: 'subscription { ticks(channel: "npm") { seq text } }' }, (value, seen, stop) => {
    print({ kind: 'next', seq: value.data.ticks.seq });
    if (seen.length === events) stop();
  });
  print({ kind: 'stream', end: stream.end, count: stream.seen.length });

  const ended = await run({ query: 'subscription { ticks(channel: "npm-end") { seq } }' });
  print({ kind: 'server-ended', end: ended.end, count: ended.seen.length });

  const invalid = await run({ query: 'subscription { nope }' });
  print({ kind: 'invalid', end: invalid.end, code: invalid.error?.[0]?.extensions?.code });
} catch (error) {
  print({ kind: 'failure', message: String(error?.message ?? error?.reason ?? error) });
} finally {
  await client.dispose();
}
