/** A GraphQL request failed: transport, HTTP status, or GraphQL errors. The message is shown to the operator. */
export class GraphQLFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'GraphQLFailure';
  }
}

export interface UserError {
  code: string;
  message: string;
  field?: string | null;
}

/** The page's own URL, or a placeholder where there is no page (tests under Node). */
const pageUrl = (): string => (typeof location === 'undefined' ? 'http://localhost/' : location.href);

/** Whether `url` (absolute or relative to the page) is on the same origin as `endpoint`. */
export function sameOrigin(url: string, endpoint: string): boolean {
  try {
    return new URL(url, pageUrl()).origin === new URL(endpoint, pageUrl()).origin;
  } catch {
    return false;
  }
}

/** GraphQL over HTTP (POST /graphql) with the signed-in key. */
export class GraphQLHttp {
  private readonly images = new Map<string, Promise<string>>();

  constructor(
    private readonly endpoint: string,
    private readonly apiKey: () => string | null,
  ) {}

  /**
   * An image the server serves only with the API key (plate crops): an `<img src>` cannot send the key, so it is
   * fetched with it once and shown through an object URL. The key goes only to the GraphQL endpoint's own origin: a
   * `cropUrl` naming another host is refused, never sent the key.
   */
  image(url: string, accept?: string): Promise<string> {
    if (!sameOrigin(url, this.endpoint)) return Promise.reject(new GraphQLFailure(`image ${url}: not on this server, not loaded`, 0, 'CROSS_ORIGIN'));
    let loaded = this.images.get(url);
    if (!loaded) {
      const headers: Record<string, string> = this.apiKey() ? { authorization: `Bearer ${this.apiKey()}` } : {};
      if (accept) headers.accept = accept;
      loaded = fetch(url, { headers }).then(async (response) => {
        if (!response.ok) throw new GraphQLFailure(`image ${url}: HTTP ${response.status}`, response.status, null);
        return URL.createObjectURL(await response.blob());
      });
      loaded.catch(() => this.images.delete(url));
      this.images.set(url, loaded);
    }
    return loaded;
  }

  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(this.apiKey() ? { authorization: `Bearer ${this.apiKey()}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new GraphQLFailure(`network: ${(error as Error).message}`, 0, 'NETWORK');
    }
    let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = await response.json();
    } catch {
      throw new GraphQLFailure(`HTTP ${response.status}: the response is not JSON`, response.status, null);
    }
    if (body.errors?.length) {
      const first = body.errors[0];
      throw new GraphQLFailure(body.errors.map((e) => e.message).join('; '), response.status, first.extensions?.code ?? null);
    }
    if (!response.ok || body.data === undefined || body.data === null)
      throw new GraphQLFailure(`HTTP ${response.status}`, response.status, null);
    return body.data;
  }

  /** Runs a mutation and turns its typed `errors` into a failure, so callers see one error path. */
  async mutate<T extends { errors?: UserError[] }>(field: string, query: string, variables: Record<string, unknown>): Promise<T> {
    const data = await this.query<Record<string, T | null>>(query, variables);
    const payload = data[field];
    if (!payload) throw new GraphQLFailure(`${field}: no result`, 200, null);
    if (payload.errors?.length) {
      const first = payload.errors[0];
      throw new GraphQLFailure(payload.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '), 200, first.code);
    }
    return payload;
  }
}
