/**
 * Whether the client may fetch an incident snapshot with the operator's key: only a relative path of the API's own
 * snapshot route (never another host, so the key never leaves its origin).
 */
export function isOwnSnapshotUrl(url: string | null): url is string {
  return typeof url === 'string' && /^\/incidents\/snapshots\/[0-9a-f]{64}\.jpg$/.test(url);
}
