/** Who speaks for the brand in a platform's data: its account ids and handles (with or without `@`). */
export interface BrandIdentity {
  /** Platform account ids of the brand (X user ids, Bluesky DIDs, Mastodon account ids, Reddit `t2_` ids, …). */
  ids?: readonly string[];
  /** Handles of the brand, compared without `@`/`u/` and case-insensitively (`@KettleAndPine`, `kp@mastodon.social`). */
  handles?: readonly string[];
}

/** Normalises a handle for comparison: no leading `@` or `u/`, lower case. */
export function normalizeHandle(handle: string): string {
  return handle
    .trim()
    .replace(/^@/, '')
    .replace(/^\/?u\//i, '')
    .toLowerCase();
}

/** Builds a test for "is this author the brand?" from a brand identity. */
export function brandMatcher(
  brand: BrandIdentity | undefined,
): (id: string, handle?: string) => boolean {
  const ids = new Set(brand?.ids ?? []);
  const handles = new Set((brand?.handles ?? []).map(normalizeHandle));
  if (ids.size === 0 && handles.size === 0) return () => false;
  return (id, handle) =>
    ids.has(id) || (handle !== undefined && handle !== '' && handles.has(normalizeHandle(handle)));
}
