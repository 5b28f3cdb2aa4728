// Runs the graphql-http audit suite (serverAudits: the GraphQL over HTTP spec's MUST, SHOULD and MAY checks)
// against a running CityTwin host and prints one JSON line per audit: { id, name, status, reason }.
// Usage: node graphql-http-audit.mjs URL API_KEY      (started by GraphQLHttpAuditTests)
import { serverAudits } from 'graphql-http';

const [url, key] = process.argv.slice(2);
if (!url || !key) {
  console.error('usage: node graphql-http-audit.mjs URL API_KEY');
  process.exit(2);
}

// Every audit request carries the API key, as any client of the twin must.
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${key}`);
  return fetch(input, { ...init, headers });
};

for (const audit of serverAudits({ url, fetchFn })) {
  const result = await audit.fn();
  console.log(JSON.stringify({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? null }));
}
