import { displayText } from './safe';

/**
 * A handle as the widgets show it: with exactly one leading `@` when it is a plain account name, as given when
 * it already has its platform's form, and `''` when it shows nothing (empty, or only `@`, spaces and invisible
 * characters, as CSV imports can have).
 *
 * The core keeps handles as each platform writes them (`@dana` from X, `@dana.bsky.social`, `@dana@mastodon.social`,
 * `u/dana` from Reddit, an email address), while CSV imports often have `dana`: prefixing `@` to all of them
 * showed `@@dana`, `@u/dana` and `@dana@example.com`. Direction controls are removed (see `displayText`).
 *
 * @example
 * ```ts
 * displayHandle('dana'); // '@dana'
 * displayHandle('@@dana'); // '@dana'
 * displayHandle('u/dana'); // 'u/dana'
 * displayHandle('dana@example.com'); // 'dana@example.com'
 * ```
 */
export function displayHandle(handle: string | undefined | null): string {
  const h = displayText(handle, 512).trim();
  const bare = h.replace(/^@+/, '');
  if (isBlank(bare)) return '';
  if (h.startsWith('@')) return `@${bare}`;
  // Reddit users, email addresses and other handles that carry their own form stay as they are.
  if (/^\/?u\//i.test(h) || h.includes('@')) return h;
  return `@${h}`;
}

/** The parts of an author or customer the widgets name them by. */
export interface PersonLike {
  id: string;
  handle?: string;
  name?: string;
}

/**
 * How a person is named in one short string: their handle (see {@link displayHandle}), else their name, else
 * their id; direction controls removed, so it is safe in an attribute (`aria-label`) as well as in text.
 *
 * @example
 * ```ts
 * personLabel({ id: 'u1', handle: 'dana' }); // '@dana'
 * personLabel({ id: 'u1', name: 'Dana' }); // 'Dana'
 * ```
 */
export function personLabel(person: PersonLike, max = 200): string {
  const handle = displayHandle(person.handle);
  if (handle) return handle;
  // A name of spaces or invisible characters (CSV imports) shows nothing: skip it.
  const name = displayText(person.name, max);
  if (!isBlank(name)) return name;
  return displayText(person.id, max);
}

/** True when the text shows nothing: empty, whitespace, or only invisible format characters. */
export function isBlank(text: string | undefined | null): boolean {
  return !text || text.replace(BLANK, '') === '';
}

/** Whitespace and invisible format characters (direction controls, zero-width spaces and joiners). */
const BLANK = /[\s\p{Cf}]/gu;

/**
 * The name to show for someone, or their id when the name is missing or shows nothing (`''` from CSV imports,
 * whitespace, only direction controls or zero-width characters), so a heading or a button is never empty.
 * Returns the text as given: render it with `<UserText>` or pass it through `displayText` for attributes.
 *
 * @example
 * ```ts
 * nameOrId('Dana', 'u1'); // 'Dana'
 * nameOrId('  ', 'u1'); // 'u1'
 * nameOrId(undefined, 'u1'); // 'u1'
 * ```
 */
export function nameOrId(name: string | undefined | null, id: string): string {
  return isBlank(name) ? id : name!;
}
