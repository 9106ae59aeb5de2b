/** Longest text Rapport accepts in one message: 1 MiB of UTF-16 code units. Longer text is rejected, not cut. */
export const MAX_TEXT_LENGTH = 1_048_576;

/** Every place a customer can reach the company. `review` stands for review sites, `other` for the rest. */
export const PLATFORMS = [
  'x',
  'instagram',
  'facebook',
  'pinterest',
  'reddit',
  'mastodon',
  'bluesky',
  'youtube',
  'tiktok',
  'linkedin',
  'forum',
  'blog',
  'review',
  'email',
  'phone',
  'chat',
  'other',
] as const;

/** `PLATFORMS` as a set, for checking a platform name read from outside. */
export const PLATFORM_SET: ReadonlySet<string> = /* @__PURE__ */ new Set<string>(PLATFORMS);

/** Uses of a person's data that need their permission. Absent means "not established", which is not a yes. */
export const CONSENT_PURPOSES = ['analytics', 'profiling', 'relationship', 'contact'] as const;
