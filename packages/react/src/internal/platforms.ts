import type { Platform } from '@rapport/core';

/** Platform names as people write them ("X", "YouTube", "Review site"), shared by the widgets' labels. */
export const defaultPlatformLabels: Record<Platform, string> = {
  x: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
  pinterest: 'Pinterest',
  reddit: 'Reddit',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  linkedin: 'LinkedIn',
  forum: 'Forum',
  blog: 'Blog',
  review: 'Review site',
  email: 'Email',
  phone: 'Phone',
  chat: 'Chat',
  other: 'Other',
};
