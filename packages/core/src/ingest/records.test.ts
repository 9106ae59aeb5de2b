import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildConversations } from '../model/conversations';
import { RapportInputError } from '../model/parse';
import type { ColumnMapping } from './mapping';
import { TWCS_MAPPING } from './mapping';
import { mentionsFromCsv, mentionsFromJsonLines, mentionsFromRecords } from './records';

const twcs = readFileSync(new URL('./fixtures/twcs-layout.csv', import.meta.url), 'utf8');

describe('mentionsFromCsv with TWCS_MAPPING', () => {
  const { accepted, rejected } = mentionsFromCsv(twcs, TWCS_MAPPING);
  const byId = new Map(accepted.map((m) => [m.id, m]));

  it('accepts or rejects every data row', () => {
    expect(accepted.length + rejected.length).toBe(10);
    expect(accepted.map((m) => m.id)).toEqual(['101', '100', '102', '103', '104', '105']);
  });

  it('reads inbound flags, Twitter dates, reply links and quoted text', () => {
    expect(byId.get('100')).toEqual({
      id: '100',
      platform: 'x',
      channel: 'public',
      direction: 'inbound',
      author: {
        id: '700101',
        handle: '700101',
        followers: 0,
        verified: false,
        isStaff: false,
        isBrand: false,
        isBot: false,
      },
      text: '@KettleAndPine where is my parcel?? 6 days late, tracking says "in transit"',
      createdAt: '2026-10-20T09:14:03.000Z',
    });
    const reply = byId.get('101')!;
    expect(reply).toMatchObject({ direction: 'outbound', inReplyToId: '100' });
    expect(reply.author.isBrand).toBe(true);
    expect(byId.get('102')!.text).toBe('@KettleAndPine done, thanks!\r\nOrder KP-448812');
  });

  it('threads the conversations, including a customer answering another', () => {
    const conversations = buildConversations(accepted);
    expect(conversations.map((c) => c.mentions.map((m) => m.id))).toEqual([
      ['100', '101', '102'],
      ['103', '104', '105'],
    ]);
    expect(conversations[0]!.awaitingReply).toBe(true);
  });

  it('rejects rows with a bad date, a bad flag, missing fields or a repeated id, saying why', () => {
    expect(rejected.map((r) => [r.index, r.issues])).toEqual([
      [
        6,
        [
          {
            path: 'created_at',
            message:
              'is not a Twitter date such as "Tue Oct 31 22:10:47 +0000 2017": "2026-10-20 10:20"',
          },
        ],
      ],
      [7, [{ path: 'inbound', message: 'must be true or false (yes/no, 1/0), got "maybe"' }]],
      [8, [{ path: '(row)', message: 'has 4 fields but the header has 7' }]],
      [9, [{ path: 'id', message: 'duplicate of the record at index 1; counted once' }]],
    ]);
    expect(rejected[0]!.input).toMatchObject({ tweet_id: '106', author_id: '700404' });
  });

  it('throws when a mapped column is not in the header', () => {
    expect(() => mentionsFromCsv('id,body\n1,hi\n', TWCS_MAPPING)).toThrow(
      /no column "tweet_id", "author_id", "inbound", "created_at", "text", "in_response_to_tweet_id"/,
    );
  });

  it('returns nothing for an empty file', () => {
    expect(mentionsFromCsv('', TWCS_MAPPING)).toEqual({ accepted: [], rejected: [] });
  });

  it('skips blank lines (a trailing empty line is no row), so indexes count real rows', () => {
    const header =
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';
    const r = mentionsFromCsv(
      `${header}\r\n1,u1,True,Tue Oct 31 22:10:47 +0000 2017,hi,,\r\n\r\n2,u2,True,bad date,yo,,\r\n\r\n`,
      TWCS_MAPPING,
    );
    expect(r.accepted.map((m) => m.id)).toEqual(['1']);
    expect(r.rejected.map((x) => [x.index, x.issues[0]!.path])).toEqual([[1, 'created_at']]);
  });
});

const ticketMapping: ColumnMapping = {
  columns: {
    id: 'ticket',
    text: 'body',
    createdAt: 'opened',
    authorId: 'customer.id',
    authorName: 'customer.name',
    followers: 'customer.followers',
    verified: 'customer.verified',
    platform: 'source',
    channel: 'visibility',
    direction: 'from',
    likes: 'likes',
    tags: 'labels',
    url: 'link',
  },
  dates: 'auto',
  tagSeparator: ';',
};

describe('mentionsFromRecords', () => {
  it('reads nested keys, numbers, booleans, epoch dates and tags', () => {
    const { accepted, rejected } = mentionsFromRecords(
      [
        {
          ticket: 5012,
          body: 'Refund please',
          opened: 1_792_317_600,
          customer: { id: 'c-9', name: 'Ava Khan', followers: '1_200', verified: 'yes' },
          source: 'Email',
          visibility: 'private',
          from: 'in',
          likes: 0,
          labels: 'vip; billing ;',
          link: 'https://help.example/t/5012',
        },
      ],
      ticketMapping,
    );
    expect(rejected).toEqual([]);
    expect(accepted[0]).toMatchObject({
      id: '5012',
      platform: 'email',
      channel: 'private',
      direction: 'inbound',
      author: { id: 'c-9', name: 'Ava Khan', followers: 1200, verified: true, isBrand: false },
      createdAt: '2026-10-18T10:00:00.000Z',
      metrics: { likes: 0, replies: 0, reposts: 0, quotes: 0, views: 0 },
      tags: ['vip', 'billing'],
      url: 'https://help.example/t/5012',
    });
  });

  it('gives every problem of a record at once, by column', () => {
    const { rejected } = mentionsFromRecords(
      [
        {
          ticket: '',
          body: 42,
          opened: '2026-10-18T10:00:00',
          customer: { id: 'c-1', followers: -3, verified: 'perhaps' },
          source: 'myspace',
          visibility: 'secret',
          from: 'sideways',
          likes: 1.5,
        },
      ],
      ticketMapping,
    );
    expect(rejected[0]!.issues).toEqual([
      { path: 'ticket', message: 'is empty; every mention needs an id' },
      { path: 'body', message: 'must be text, got number' },
      {
        path: 'opened',
        message:
          'is not a date (ISO 8601 with a zone, Twitter format, or epoch seconds or milliseconds; set dates to read other numbers): "2026-10-18T10:00:00"',
      },
      {
        path: 'source',
        message: expect.stringMatching(/^"myspace" is not a platform \(x, instagram/),
      },
      { path: 'visibility', message: 'must be public or private, got "secret"' },
      { path: 'from', message: 'must be inbound or outbound, got "sideways"' },
      { path: 'likes', message: 'must be a whole number of at least 0, got 1.5' },
      { path: 'customer.followers', message: 'must be a whole number of at least 0, got -3' },
      { path: 'customer.verified', message: 'must be true or false (yes/no, 1/0), got "perhaps"' },
    ]);
  });

  it('never reads inherited keys such as __proto__ or constructor', () => {
    const record = JSON.parse(
      '{"ticket":"1","body":"hi","opened":"2026-10-18T10:00:00Z","customer":{"id":"c"},"__proto__":{"source":"x","polluted":true}}',
    ) as Record<string, unknown>;
    const { accepted } = mentionsFromRecords([record], {
      ...ticketMapping,
      columns: { ...ticketMapping.columns, authorName: 'constructor.name' },
    });
    expect(accepted[0]!.platform).toBe('other');
    expect(accepted[0]!.author.name).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('uses the brand identity when rows do not say who wrote', () => {
    const { accepted } = mentionsFromRecords(
      [
        { id: '1', text: 'hi', at: '2026-10-18T10:00:00Z', user: 'kp' },
        { id: '2', text: 'hello', at: '2026-10-18T10:01:00Z', user: 'ava' },
      ],
      {
        columns: {
          id: 'id',
          text: 'text',
          createdAt: 'at',
          authorId: 'user',
          authorHandle: 'user',
        },
        brand: { handles: ['@KP'] },
      },
    );
    expect(accepted.map((m) => [m.direction, m.author.isBrand])).toEqual([
      ['outbound', true],
      ['inbound', false],
    ]);
  });

  it('rejects records that are not objects, and throws on a mapping with a typo or a non-array', () => {
    const { rejected } = mentionsFromRecords([null, ['a']], TWCS_MAPPING);
    expect(rejected.map((r) => r.issues[0]!.message)).toEqual([
      'must be an object keyed by column name',
      'must be an object keyed by column name',
    ]);
    expect(() =>
      // @ts-expect-error: a typo in the mapping
      mentionsFromRecords([], { ...TWCS_MAPPING, dats: 'iso' }),
    ).toThrow(RapportInputError);
    expect(() =>
      mentionsFromRecords([], {
        ...TWCS_MAPPING,
        columns: { ...TWCS_MAPPING.columns, authorld: 'x' } as never,
      }),
    ).toThrow(/authorld/);
    expect(() => mentionsFromRecords('rows', TWCS_MAPPING)).toThrow(RapportInputError);
  });

  it('rejects the hole of a sparse array at its index instead of skipping it', () => {
    const row = (id: string) => ({ id, text: 'hi', at: '2026-11-20T09:00:00Z', a: `u${id}` });
    const rows: unknown[] = [];
    rows[0] = row('1');
    rows[2] = row('3');
    const { accepted, rejected } = mentionsFromRecords(rows, {
      columns: { id: 'id', text: 'text', createdAt: 'at', authorId: 'a' },
    });
    expect(accepted.map((m) => m.id)).toEqual(['1', '3']);
    expect(rejected).toEqual([
      {
        index: 1,
        input: undefined,
        issues: [{ path: '(record)', message: 'must be an object keyed by column name' }],
      },
    ]);
  });
});

describe('ids', () => {
  const columns = { id: 'id', text: 'text', createdAt: 'at', authorId: 'uid', inReplyToId: 're' };

  it('rejects a numeric id too large to keep exactly, instead of rounding it onto another record', () => {
    const jl =
      '{"id":1192370000000000001,"text":"a","at":"2017-10-31T22:10:47Z","uid":"9"}\n' +
      '{"id":"1192370000000000002","text":"b","at":"2017-10-31T22:10:48Z","uid":"9","re":1192370000000000001}\n' +
      '{"id":42,"text":"c","at":"2017-10-31T22:10:49Z","uid":9}';
    const r = mentionsFromJsonLines(jl, { columns });
    expect(r.accepted.map((m) => m.id)).toEqual(['42']);
    expect(r.rejected.map((x) => [x.index, x.issues.map((i) => i.path)])).toEqual([
      [0, ['id']],
      [1, ['re']],
    ]);
    expect(r.rejected[0]!.issues[0]!.message).toMatch(/too large to keep exactly.*id_str/);
  });

  it('reads ids pandas wrote as floats ("119237.0") as integers, so replies still find their parents', () => {
    // pandas writes a column that has empty cells (in_response_to_tweet_id) as floats when it saves a CSV.
    const csv =
      'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n' +
      '119237,115712,True,Tue Oct 31 22:10:47 +0000 2017,where is my refund?,119238,\n' +
      '119238,AcmeHelp,False,Tue Oct 31 22:12:47 +0000 2017,@115712 Sorry! Checking now,,119237.0\n';
    const r = mentionsFromCsv(csv, TWCS_MAPPING);
    expect(r.rejected).toEqual([]);
    expect(r.accepted.map((m) => [m.id, m.inReplyToId])).toEqual([
      ['119237', undefined],
      ['119238', '119237'],
    ]);
    expect(buildConversations(r.accepted)).toHaveLength(1);
  });

  it('rejects an id a spreadsheet rewrote in scientific notation, whose digits are lost', () => {
    const csv =
      'id,text,at,uid,re\n1.19237E+18,hi,2017-10-31T22:10:47Z,9,\n2,ok,2017-10-31T22:11:47Z,9,1.19237e+18\n';
    const r = mentionsFromCsv(csv, { columns });
    expect(r.accepted).toEqual([]);
    expect(r.rejected.map((x) => [x.index, x.issues.map((i) => i.path)])).toEqual([
      [0, ['id']],
      [1, ['re']],
    ]);
    expect(r.rejected[0]!.issues[0]!.message).toMatch(/scientific notation.*export ids as text/);
  });

  it('keeps the same id on two platforms: ids are unique only within a platform', () => {
    const csv =
      'id,platform,text,at,author\n1001,email,refund please,2026-01-01T00:00:00Z,a@x\n' +
      '1001,chat,where is my order,2026-01-01T01:00:00Z,b\n1001,chat,again,2026-01-01T02:00:00Z,b\n';
    const r = mentionsFromCsv(csv, {
      columns: {
        id: 'id',
        platform: 'platform',
        text: 'text',
        createdAt: 'at',
        authorId: 'author',
      },
    });
    expect(r.accepted.map((m) => [m.platform, m.id])).toEqual([
      ['email', '1001'],
      ['chat', '1001'],
    ]);
    expect(r.rejected.map((x) => x.index)).toEqual([2]);
  });
});

describe('counts', () => {
  const mapping: ColumnMapping = {
    columns: { id: 'id', text: 'text', createdAt: 'at', authorId: 'uid', likes: 'likes' },
  };
  const read = (likes: string) =>
    mentionsFromCsv(`id,text,at,uid,likes\n1,hi,2017-10-31T22:10:47Z,9,"${likes}"\n`, mapping);

  it('reads digits, grouped digits and a zero fraction as exports write them', () => {
    const seen = ['12', ' 7 ', '1,234', '1_234', '12.0', '1,234,567'].map(
      (likes) => read(likes).accepted[0]?.metrics?.likes,
    );
    expect(seen).toEqual([12, 7, 1234, 1234, 12, 1234567]);
  });

  it('rejects hexadecimal, exponents, fractions and numbers too large to keep exactly, saying why', () => {
    for (const likes of [
      '0x1F',
      '1e3',
      '1.5',
      '1.234',
      '12,34',
      '-1',
      'Infinity',
      '99999999999999999999',
    ]) {
      const r = read(likes);
      expect(r.accepted, likes).toEqual([]);
      expect(r.rejected[0]!.issues, likes).toEqual([
        {
          path: 'likes',
          message: expect.stringMatching(/^must be a whole number of at least 0, got /),
        },
      ]);
    }
  });
});

describe('mentionsFromJsonLines', () => {
  const mapping: ColumnMapping = {
    columns: {
      id: 'id_str',
      text: 'full_text',
      createdAt: 'created_at',
      authorId: 'user.id_str',
      authorHandle: 'user.screen_name',
      followers: 'user.followers_count',
      inReplyToId: 'in_reply_to_status_id_str',
    },
    platform: 'x',
  };

  it('reads one object per line, skips blank lines and rejects broken JSON', () => {
    const text = [
      '{"id_str":"1","full_text":"@KettleAndPine hi","created_at":"Tue Oct 20 09:14:03 +0000 2026","user":{"id_str":"9","screen_name":"ava","followers_count":120},"in_reply_to_status_id_str":null}',
      '',
      '{"id_str":"2","full_text":"hello"',
      '{"id_str":"3","full_text":"again","created_at":"2026-10-20T09:20:00Z","user":{"id_str":"9","screen_name":"ava"}}\r',
      '[1,2]',
    ].join('\n');
    const { accepted, rejected } = mentionsFromJsonLines(text, mapping);
    expect(accepted.map((m) => [m.id, m.author.handle, m.author.followers, m.createdAt])).toEqual([
      ['1', 'ava', 120, '2026-10-20T09:14:03.000Z'],
      ['3', 'ava', 0, '2026-10-20T09:20:00.000Z'],
    ]);
    expect(rejected.map((r) => [r.index, r.issues[0]!.path])).toEqual([
      [1, '(line)'],
      [3, '(record)'],
    ]);
    expect(rejected[0]!.issues[0]!.message).toMatch(/^is not valid JSON: /);
  });
});
