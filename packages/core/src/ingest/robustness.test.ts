// Every normaliser, fed any JSON inside a valid envelope, accounts for every record and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mentionsFromBluesky } from './bluesky';
import { mentionsFromMastodon } from './mastodon';
import { TWCS_MAPPING } from './mapping';
import { mentionsFromReddit } from './reddit';
import { mentionsFromRecords } from './records';
import { mentionsFromX } from './x';

const records = fc.array(fc.oneof(fc.jsonValue(), fc.object()), { maxLength: 20 });

describe('normalisers on arbitrary records', () => {
  it('X: every tweet is accepted or rejected', () => {
    fc.assert(
      fc.property(records, fc.array(fc.jsonValue(), { maxLength: 5 }), (data, users) => {
        const { accepted, rejected } = mentionsFromX({ data, includes: { users } });
        expect(accepted.length + rejected.length).toBe(data.length);
      }),
    );
  });

  it('Mastodon: every status is accepted or rejected', () => {
    fc.assert(
      fc.property(records, (statuses) => {
        const { accepted, rejected } = mentionsFromMastodon(statuses);
        expect(accepted.length + rejected.length).toBe(statuses.length);
      }),
    );
  });

  it('Bluesky: every post view is accepted or rejected', () => {
    fc.assert(
      fc.property(records, (posts) => {
        const { accepted, rejected } = mentionsFromBluesky({ posts });
        expect(accepted.length + rejected.length).toBe(posts.length);
      }),
    );
  });

  it('Reddit: every thing is accepted or rejected', () => {
    fc.assert(
      fc.property(records, (things) => {
        const { accepted, rejected } = mentionsFromReddit(things);
        expect(accepted.length + rejected.length).toBeGreaterThanOrEqual(
          things.filter(
            (t) =>
              !(
                t !== null &&
                typeof t === 'object' &&
                (t as { kind?: unknown }).kind === 'Listing'
              ),
          ).length,
        );
      }),
    );
  });

  it('records: every row is accepted or rejected', () => {
    fc.assert(
      fc.property(records, (rows) => {
        const { accepted, rejected } = mentionsFromRecords(rows, TWCS_MAPPING);
        expect(accepted.length + rejected.length).toBe(rows.length);
      }),
    );
  });
});
