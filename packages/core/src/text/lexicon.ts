// Rapport's own customer-service lexicon: valence overrides for VADER words whose everyday meaning is wrong in
// customer service, intensifiers, negators, emoji valences, and the cue rules behind intents, urgency and hype.
// Everything here is written for Rapport (MIT). The general word valences come from VADER (MIT), generated into
// lexicon.generated.ts by scripts/build-lexicon.ts.
//
// Rule lines read `words = target weight, target weight ; what it means`:
// - `words` is one word or a phrase of up to five words (matched on consecutive tokens within a sentence);
//   `<n>` matches any number; a leading `!` means "only when negated" (`!arrived` fires on "never arrived").
// - targets are intents, or `urgency`, `hype`, `crisis`; weights are 0..1 and combine as a noisy-or, so two
//   weak cues make a stronger one but nothing passes 1.
// - a `*` in front of a target marks a pure sentiment-free cue whose label is shown to people as written.
// Prefer general cues over phrases fitted to one dataset: other sets check the results.

/** VADER valences replaced for customer service (0 removes a word's sentiment). */
export const VALENCE_OVERRIDES: Readonly<Record<string, number>> = {
  // Service vocabulary, not feelings: "support", "help", "care" and "please" appear in complaints as often as in praise.
  support: 0,
  supported: 0,
  supports: 0,
  supporting: 0,
  help: 0,
  helping: 0,
  please: 0,
  care: 0,
  want: 0,
  wants: 0,
  well: 0,
  god: 0,
  true: 0.4,
  no: 0,
  pretty: 0,
  kind: 0.6,
  free: 0.8,
  cancel: -0.3,
  cancelled: -0.5,
  canceled: -0.5,
  charged: -0.3,
  pay: 0,
  joke: -1.2,
  urgent: 0,
  emergency: -0.8,
  fire: -0.5,
  // A body part, not praise: VADER rates "hand" +2.2, so "burned my hand" read as positive.
  hand: 0,
  // Tweet vocabulary: "like" is mostly filler, sports and slang words are not feelings.
  like: 0.3,
  likes: 0.3,
  super: 0,
  ready: 0.5,
  play: 0.3,
  playing: 0.3,
  played: 0.3,
  united: 0,
  lmao: 1.5,
  interested: 0.8,
  dead: -1.8,
  liked: 1.2,
  // Words VADER lacks that customers use a lot.
  unacceptable: -2.4,
  useless: -2.2,
  delayed: -1.2,
  overcharged: -2.2,
  scammed: -2.8,
  ripoff: -2.6,
  refunded: 0.6,
  fixed: 0.8,
  resolved: 1.2,
  broke: -1.6,
  crashes: -1.7,
  crashed: -1.7,
  crashing: -1.7,
  buggy: -1.8,
  laggy: -1.6,
  glitch: -1.2,
  glitchy: -1.5,
  unusable: -2.4,
  worst: -3.1,
  ignored: -1.6,
  ignoring: -1.6,
  rude: -2.2,
  slow: -1.0,
  late: -0.8,
  cheap: -0.3,
  quick: 0.6,
  fast: 0.6,
  smooth: 1.2,
  seamless: 1.6,
  legend: 2.2,
  legends: 2.2,
  lifesaver: 2.6,
  obsessed: 1.6,
  fav: 2.0,
  fave: 2.0,
  favourite: 2.0,
  yay: 2.4,
  ugh: -1.8,
  smh: -1.5,
  wtf: -2.4,
  meh: -1.0,
  disgusting: -2.6,
  pathetic: -2.6,
  shame: -1.6,
  shameful: -2.2,
  thx: 1.5,
  ty: 1.4,
  tysm: 2.4,
  thanku: 1.5,
  excited: 2.2,
  exciting: 2.2,
  happy: 2.7,
  birthday: 1.2,
  congrats: 2.4,
  congratulations: 2.4,
  rip: -1.2,
  sad: -2.1,
  tired: -1.2,
  sucks: -2.2,
  suck: -1.8,
  sucked: -2.0,
  fails: -2.0,
  trash: -2.2,
  garbage: -2.2,
  hell: -2.0,
  damn: -1.2,
  fucking: -1.0,
};

/** Words that make the next sentiment word stronger (+) or weaker (-), in VADER's units (0.293 per step). */
export const BOOSTERS: Readonly<Record<string, number>> = {
  absolutely: 0.293,
  amazingly: 0.293,
  awfully: 0.293,
  completely: 0.293,
  considerably: 0.293,
  deeply: 0.293,
  enormously: 0.293,
  entirely: 0.293,
  especially: 0.293,
  exceptionally: 0.293,
  extremely: 0.293,
  fully: 0.293,
  greatly: 0.293,
  hella: 0.293,
  highly: 0.293,
  hugely: 0.293,
  incredibly: 0.293,
  insanely: 0.293,
  intensely: 0.293,
  literally: 0.15,
  majorly: 0.293,
  most: 0.293,
  more: 0.2,
  particularly: 0.293,
  pretty: 0.2,
  quite: 0.2,
  real: 0.2,
  really: 0.293,
  remarkably: 0.293,
  so: 0.293,
  soo: 0.293,
  sooo: 0.293,
  such: 0.2,
  super: 0.293,
  seriously: 0.293,
  terribly: 0.293,
  thoroughly: 0.293,
  too: 0.2,
  totally: 0.293,
  truly: 0.293,
  tremendously: 0.293,
  unbelievably: 0.293,
  utterly: 0.293,
  very: 0.293,
  almost: -0.293,
  barely: -0.293,
  hardly: -0.293,
  kinda: -0.293,
  kindof: -0.293,
  less: -0.293,
  little: -0.2,
  marginally: -0.293,
  occasionally: -0.293,
  partly: -0.293,
  scarcely: -0.293,
  slightly: -0.293,
  somewhat: -0.293,
  sorta: -0.293,
};

/** Words that flip the sentiment of the next few words ("not good", "wasn't happy", "never again"). */
export const NEGATORS: readonly string[] = [
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'nowhere',
  'without',
  'cannot',
  'lack',
  'lacks',
  'lacking',
  'aint',
  "ain't",
  'dont',
  "don't",
  'doesnt',
  "doesn't",
  'didnt',
  "didn't",
  'isnt',
  "isn't",
  'arent',
  "aren't",
  'wasnt',
  "wasn't",
  'werent',
  "weren't",
  'havent',
  "haven't",
  'hasnt',
  "hasn't",
  'hadnt',
  "hadn't",
  'wont',
  "won't",
  'wouldnt',
  "wouldn't",
  'cant',
  "can't",
  'couldnt',
  "couldn't",
  'shouldnt',
  "shouldn't",
  'mustnt',
  "mustn't",
  'neednt',
  "needn't",
  'darent',
  "daren't",
  'mightnt',
  "mightn't",
  'nope',
];

/** Words that open a question when they start a sentence (questions often come without a "?"). */
export const QUESTION_STARTERS: readonly string[] = [
  'how',
  'what',
  'where',
  'when',
  'why',
  'who',
  'which',
  'whats',
  "what's",
  'wheres',
  "where's",
  'hows',
  "how's",
  'can',
  'could',
  'is',
  'are',
  'do',
  'does',
  'did',
  'will',
  'would',
  'should',
  'has',
  'have',
  'any',
  'anyone',
  'anybody',
  'may',
  'am',
];

/** Verbs that, opening a sentence, usually ask for something to be built or changed ("Add dark mode."). */
export const IMPERATIVES: readonly string[] = [
  'add',
  'allow',
  'make',
  'provide',
  'enable',
  'include',
  'implement',
  'bring',
  'remove',
  'give',
  'let',
  'introduce',
  'offer',
  'create',
  'change',
  'consider',
  'expose',
  'display',
  'improve',
  'extend',
  'integrate',
  'put',
  'please',
  'pls',
  'plz',
  'develop',
  'release',
  'publish',
  'replace',
  'restore',
  'update',
];

/** Words after "please" that ask for service, not for a feature ("please help", "please reply", "please refund"). */
export const SERVICE_VERBS: readonly string[] = [
  'please',
  'pls',
  'plz',
  'help',
  'respond',
  'reply',
  'answer',
  'call',
  'dm',
  'contact',
  'check',
  'look',
  'advise',
  'send',
  'refund',
  'cancel',
  'tell',
  'get',
  'confirm',
  'resolve',
  'sort',
  'assist',
  'explain',
  'stop',
  'follow',
  'email',
  'text',
  'ring',
  'update',
  'escalate',
  'share',
  'read',
  'see',
  'retweet',
  'rt',
  'vote',
  'come',
  'join',
  "don't",
  'dont',
  'do',
  'keep',
  'be',
  'note',
  'wait',
  'reach',
];

/** Rules for five-letter stems, used only for words the lexicon does not know (misspellings, glued words). */
export const STEM_RULES = `
refun = billing_issue .65 ; looks like 'refund'
reimb = billing_issue .65 ; looks like 'reimbursement'
invoi = billing_issue .65 ; looks like 'invoice'
payme = billing_issue .6 ; looks like 'payment'
billi = billing_issue .55 ; looks like 'billing'
charg = billing_issue .45 ; looks like 'charge'
deliv = delivery_issue .5 ; looks like 'delivery'
shipp = delivery_issue .5 ; looks like 'shipping'
shipm = delivery_issue .5 ; looks like 'shipment'
parce = delivery_issue .45 ; looks like 'parcel'
accou = account_issue .55 ; looks like 'account'
passw = account_issue .65 ; looks like 'password'
regis = account_issue .45 ; looks like 'registration'
newsl = account_issue .6 ; looks like 'newsletter'
cance = cancellation .5 ; looks like 'cancel'
unsub = cancellation .55 ; looks like 'unsubscribe'
purch = purchase_intent .45 ; looks like 'purchase'
recla = complaint .45 ; looks like 'reclamation'
compe = billing_issue .5 ; looks like 'compensation'
`;

/**
 * Emoji valences on VADER's -4..4 scale, written for Rapport (not derived from share-alike rankings).
 * Keys are code points; skin tones, variation selectors and zero-width joiners are skipped by the tokenizer.
 */
export const EMOJI_VALENCES: ReadonlyArray<readonly [number, number]> = [
  // Happy, laughing, loving faces.
  [0x1f600, 2.2],
  [0x1f601, 2.2],
  [0x1f602, 1.6],
  [0x1f603, 2.2],
  [0x1f604, 2.4],
  [0x1f605, 1.0],
  [0x1f606, 2.0],
  [0x1f607, 1.8],
  [0x1f609, 1.4],
  [0x1f60a, 2.4],
  [0x1f60b, 2.0],
  [0x1f60c, 1.4],
  [0x1f60d, 3.0],
  [0x1f60e, 1.8],
  [0x1f60f, 0.6],
  [0x1f618, 2.6],
  [0x1f617, 1.6],
  [0x1f619, 1.8],
  [0x1f61a, 2.0],
  [0x1f61b, 1.4],
  [0x1f61c, 1.4],
  [0x1f61d, 1.4],
  [0x1f642, 1.2],
  [0x1f643, 0.2],
  [0x1f917, 2.2],
  [0x1f929, 2.8],
  [0x1f970, 3.0],
  [0x1f973, 2.6],
  [0x1f923, 1.8],
  [0x263a, 2.0],
  [0x1f60b, 2.0],
  [0x1f972, 0.4],
  [0x1f60f, 0.4],
  [0x1f911, 0.8],
  [0x1f920, 1.6],
  [0x1f638, 2.0],
  [0x1f639, 1.6],
  [0x1f63a, 2.0],
  [0x1f63b, 2.6],
  [0x1f63d, 1.6],
  // Hearts, love and approval.
  [0x2764, 3.0],
  [0x2763, 2.6],
  [0x1f495, 2.8],
  [0x1f496, 2.8],
  [0x1f497, 2.8],
  [0x1f493, 2.6],
  [0x1f49e, 2.6],
  [0x1f495, 2.8],
  [0x1f498, 2.6],
  [0x1f49d, 2.6],
  [0x1f499, 2.4],
  [0x1f49a, 2.4],
  [0x1f49b, 2.4],
  [0x1f49c, 2.4],
  [0x1f5a4, 1.4],
  [0x1f90d, 2.2],
  [0x1f90e, 2.2],
  [0x1f9e1, 2.4],
  [0x1f48b, 2.2],
  [0x1f44d, 1.8],
  [0x1f44c, 1.6],
  [0x1f44f, 2.0],
  [0x1f64c, 2.2],
  [0x1f64f, 1.4],
  [0x1f4aa, 1.8],
  [0x270c, 1.4],
  [0x1f91d, 1.6],
  [0x1f44b, 0.8],
  [0x1f91e, 1.0],
  [0x1f973, 2.6],
  [0x2728, 1.6],
  [0x1f31f, 2.0],
  [0x2b50, 1.8],
  [0x1f389, 2.6],
  [0x1f38a, 2.4],
  [0x1f381, 2.0],
  [0x1f382, 2.0],
  [0x1f525, 1.6],
  [0x1f4af, 2.0],
  [0x1f3c6, 2.2],
  [0x1f947, 2.2],
  [0x1f451, 1.6],
  [0x1f308, 1.6],
  [0x2600, 1.4],
  [0x1f31e, 1.8],
  [0x1f338, 1.6],
  [0x1f339, 1.8],
  [0x1f33a, 1.6],
  [0x1f490, 2.0],
  [0x1f37e, 2.0],
  [0x1f942, 2.0],
  [0x1f60e, 1.8],
  [0x2705, 1.4],
  [0x2714, 1.2],
  [0x1f680, 1.4],
  [0x1f4a5, 0.6],
  [0x1f440, 0.2],
  [0x1f60a, 2.4],
  [0x1f496, 2.8],
  // Sad, angry, disappointed faces and gestures.
  [0x1f612, -1.8],
  [0x1f613, -1.2],
  [0x1f614, -1.8],
  [0x1f615, -1.4],
  [0x1f616, -2.0],
  [0x1f61e, -2.0],
  [0x1f61f, -1.8],
  [0x1f620, -2.6],
  [0x1f621, -3.0],
  [0x1f622, -2.2],
  [0x1f623, -2.0],
  [0x1f624, -2.2],
  [0x1f625, -1.8],
  [0x1f626, -1.6],
  [0x1f627, -1.8],
  [0x1f628, -2.0],
  [0x1f629, -2.2],
  [0x1f62a, -1.2],
  [0x1f62b, -2.2],
  [0x1f62c, -0.8],
  [0x1f62d, -1.6],
  [0x1f62e, -0.4],
  [0x1f62f, -0.6],
  [0x1f630, -2.0],
  [0x1f631, -2.0],
  [0x1f632, -0.4],
  [0x1f633, -0.8],
  [0x1f634, -0.4],
  [0x1f635, -1.6],
  [0x1f636, -0.6],
  [0x1f637, -1.2],
  [0x1f641, -1.6],
  [0x1f644, -1.6],
  [0x1f910, -0.6],
  [0x1f912, -1.6],
  [0x1f915, -1.8],
  [0x1f922, -2.4],
  [0x1f92e, -2.6],
  [0x1f92c, -3.2],
  [0x1f92f, -1.2],
  [0x1f974, -1.0],
  [0x1f97a, -0.6],
  [0x1f97a, -0.6],
  [0x1f971, -1.0],
  [0x1f611, -1.2],
  [0x1f610, -0.6],
  [0x1f928, -0.8],
  [0x1f9d0, -0.2],
  [0x2639, -1.8],
  [0x1f494, -2.6],
  [0x1f44e, -2.0],
  [0x1f595, -2.8],
  [0x1f480, -0.4],
  [0x2620, -1.6],
  [0x1f4a9, -1.8],
  [0x1f926, -1.8],
  [0x1f937, -0.6],
  [0x1f63e, -2.0],
  [0x1f63f, -2.0],
  [0x1f640, -1.6],
  [0x274c, -1.4],
  [0x26a0, -1.2],
  [0x1f6ab, -1.4],
  [0x1f198, -1.6],
  [0x1f4c9, -1.2],
  [0x1f198, -1.6],
  [0x1f62d, -1.6],
  [0x1f92c, -3.2],
];

/** Emoticons VADER's table lacks or scores oddly, in the same -4..4 units. */
export const EMOTICON_OVERRIDES: Readonly<Record<string, number>> = {
  ':)': 2.0,
  ':-)': 2.0,
  ':D': 2.4,
  ':-D': 2.4,
  ';D': 1.8,
  '=D': 2.4,
  ':]': 1.8,
  '=)': 1.8,
  ':))': 2.4,
  ':P': 1.2,
  ':p': 1.2,
  ':-P': 1.2,
  ';)': 1.4,
  ';-)': 1.4,
  '<3': 2.6,
  '<33': 2.8,
  '<333': 2.8,
  ':(': -2.0,
  ':-(': -2.0,
  ":'(": -2.4,
  ':((': -2.4,
  ':/': -1.2,
  ':-/': -1.2,
  ':\\': -1.2,
  ':|': -0.6,
  ':@': -2.4,
  '>:(': -2.8,
  'D:': -2.0,
  '</3': -2.6,
  ':S': -1.2,
  ':s': -1.2,
  ':O': -0.4,
  ':o': -0.4,
  xD: 1.8,
  XD: 1.8,
  ':3': 1.4,
  '^^': 1.6,
  '^_^': 2.0,
  '-_-': -1.2,
  T_T: -2.2,
  ';(': -2.0,
};

/** Hashtag endings that carry a verdict on their own (#epicfail, #customerservicefail, #apple_sucks). */
export const HASHTAG_SUFFIXES: ReadonlyArray<readonly [string, number, string]> = [
  ['fail', -2.2, 'complaint'],
  ['sucks', -2.4, 'complaint'],
  ['fails', -2.2, 'complaint'],
  ['neveragain', -2.4, 'complaint'],
  ['disappointed', -2.2, 'complaint'],
  ['love', 2.2, 'praise'],
  ['rocks', 2.2, 'praise'],
  ['win', 1.8, 'praise'],
];

/** Cue rules for intents, urgency, hype and crisis (see the header for the format). */
export const RULES = `
# --- complaints: problems said in words, even neutral ones
problem = complaint .4 ; a problem
problems = complaint .4 ; problems
issue = complaint .35 ; an issue
issues = complaint .4 ; issues
trouble = complaint .4 ; trouble
wrong = complaint .35 ; something is wrong
incorrect = complaint .45 ; something is incorrect
failed = complaint .45 ; something failed
declined = complaint .45, billing_issue .3 ; declined
rejected = complaint .45 ; rejected
pending = complaint .3, question .2 ; still pending
complaint = complaint .7 ; the word "complaint"
complain = complaint .6 ; complaining
claim = complaint .5 ; a claim
reclamation = complaint .7 ; a claim
file a complaint = complaint .85 ; files a complaint
complaining = complaint .6 ; complaining
disappointed = complaint .55 ; disappointment
disappointing = complaint .5 ; disappointment
unacceptable = complaint .75, urgency .3 ; "unacceptable"
ridiculous = complaint .5 ; "ridiculous"
worst = complaint .5 ; "worst"
terrible = complaint .45 ; "terrible"
awful = complaint .45 ; "awful"
horrible = complaint .45 ; "horrible"
useless = complaint .55 ; "useless"
pathetic = complaint .5 ; "pathetic"
rude = complaint .6 ; rude treatment
ignored = complaint .55, urgency .35 ; being ignored
ignoring = complaint .55, urgency .35 ; being ignored
scam = complaint .6, crisis .3 ; called a scam
scammed = complaint .7, crisis .3 ; feels scammed
fraud = complaint .6, crisis .35, billing_issue .3 ; fraud
rip off = complaint .7, billing_issue .3 ; rip-off
ripoff = complaint .7, billing_issue .3 ; rip-off
fed up = complaint .65, urgency .3 ; fed up
sick of = complaint .55 ; sick of it
tired of = complaint .5 ; tired of it
fix this = complaint .55, urgency .35 ; asks to fix it
fix it = complaint .4, urgency .25 ; asks to fix it
sort this out = complaint .55, urgency .35 ; asks to sort it out
sort it out = complaint .5, urgency .3 ; asks to sort it out
still waiting = complaint .65, urgency .55 ; still waiting
still no = complaint .6, urgency .45 ; still nothing
still not = complaint .5, urgency .35 ; still not done
still haven't = complaint .55, urgency .4 ; still not done
still havent = complaint .55, urgency .4 ; still not done
still hasn't = complaint .55, urgency .4 ; still not done
still hasnt = complaint .55, urgency .4 ; still not done
still don't = complaint .45, urgency .3 ; still not done
still can't = complaint .5, urgency .35 ; still not done
where is my = complaint .5, question .4, urgency .35 ; asks where their thing is
where's my = complaint .5, question .4, urgency .35 ; asks where their thing is
wheres my = complaint .5, question .4, urgency .35 ; asks where their thing is
where the hell = complaint .7, urgency .4 ; where the hell
what happened to my = complaint .45, question .4, urgency .3 ; asks what happened
what is going on = complaint .4, question .3 ; what is going on
what's going on = complaint .4, question .3 ; what is going on
no response = complaint .65, urgency .5 ; no response
no reply = complaint .65, urgency .5 ; no reply
no answer = complaint .6, urgency .45 ; no answer
no one = complaint .4, urgency .3 ; no one helps
nobody = complaint .35, urgency .2 ; nobody helps
not happy = complaint .5 ; not happy
not impressed = complaint .5 ; not impressed
not acceptable = complaint .7 ; not acceptable
not okay = complaint .45 ; not okay
not ok = complaint .45 ; not ok
do better = complaint .6 ; asks them to do better
shame on = complaint .6 ; shame on you
on hold = complaint .45, urgency .4 ; kept on hold
hung up = complaint .5, urgency .3 ; hung up on
keeps = complaint .25 ; keeps happening
again = complaint .2, urgency .2 ; happened again
every time = complaint .35 ; every time
poor service = complaint .7 ; poor service
bad service = complaint .7 ; bad service
terrible service = complaint .75 ; terrible service
customer service = service 1, question .45 ; asks for customer service
customer support = service 1, question .45 ; asks for customer support
customer care = service 1, question .45 ; asks for customer care
customer assistance = service 1, question .45 ; asks for customer assistance
speak to = service 1, question .4, urgency .2 ; wants to speak to someone
talk to = service 1, question .4, urgency .2 ; wants to talk to someone
live agent = service 1, question .6, urgency .3 ; wants a live agent
human = service 1, question .35, urgency .2 ; wants a human
operator = service 1, question .4 ; wants an operator
waste of = complaint .6 ; waste of time or money
nightmare = complaint .5 ; a nightmare
!received = complaint .55, delivery_issue .45 ; not received
!responded = complaint .6, urgency .45 ; no response
!replied = complaint .6, urgency .45 ; no reply
!answered = complaint .55, urgency .4 ; not answered
!helped = complaint .55 ; not helped
!helpful = complaint .55 ; not helpful
!fixed = complaint .55, bug_report .35, urgency .3 ; still not fixed
!resolved = complaint .55, urgency .35 ; not resolved
!working = complaint .55, bug_report .55 ; not working
!work = complaint .5, bug_report .5 ; does not work
!works = complaint .5, bug_report .5 ; does not work
!load = complaint .45, bug_report .6 ; will not load
!loading = complaint .45, bug_report .6 ; not loading
!open = complaint .35, bug_report .45 ; will not open
!happy = complaint .45 ; not happy
!good = complaint .25 ; not good
!acceptable = complaint .7 ; not acceptable

# --- delivery and logistics
delivery = delivery_issue .55 ; about a delivery
deliveries = delivery_issue .55 ; about deliveries
deliver = delivery_issue .5 ; about delivering
delivered = delivery_issue .45 ; about a delivery
delivering = delivery_issue .5 ; about delivering
shipping = delivery_issue .55 ; about shipping
shipment = delivery_issue .6 ; about a shipment
shipped = delivery_issue .5 ; about shipping
ship = delivery_issue .4 ; about shipping
ship to = delivery_issue .7 ; shipping destinations
order from = delivery_issue .5 ; ordering from a place
deliver to = delivery_issue .7 ; delivery destinations
shipments = delivery_issue .6 ; about shipments
shipping options = delivery_issue .85 ; shipping options
delivery options = delivery_issue .85 ; delivery options
package = delivery_issue .5 ; about a package
parcel = delivery_issue .6 ; about a parcel
courier = delivery_issue .6 ; about the courier
tracking = delivery_issue .55 ; about tracking
track my = delivery_issue .5 ; wants to track
dispatched = delivery_issue .5 ; about dispatch
postage = delivery_issue .5 ; about postage
!arrived = delivery_issue .8, complaint .7, urgency .35 ; it never arrived
!arrive = delivery_issue .75, complaint .6, urgency .3 ; it did not arrive
!delivered = delivery_issue .8, complaint .7, urgency .35 ; not delivered
!shipped = delivery_issue .75, complaint .6, urgency .3 ; not shipped
!here = delivery_issue .3, complaint .35 ; not here yet
not arrived = delivery_issue .8, complaint .7, urgency .35 ; not arrived
hasn't arrived = delivery_issue .8, complaint .7, urgency .35 ; not arrived
late delivery = delivery_issue .8, complaint .6 ; late delivery
arrived late = delivery_issue .75, complaint .55 ; arrived late
arrived damaged = delivery_issue .75, complaint .7 ; arrived damaged
arrived broken = delivery_issue .75, complaint .7 ; arrived broken
lost my = complaint .4 ; something lost
lost package = delivery_issue .85, complaint .7 ; lost package
missing package = delivery_issue .85, complaint .7 ; missing package
wrong item = delivery_issue .7, complaint .6 ; wrong item
wrong address = delivery_issue .65, complaint .4 ; wrong address
shipping address = delivery_issue .75 ; shipping address
delivery address = delivery_issue .75 ; delivery address
my address = delivery_issue .5 ; their address
via ups = delivery_issue .6 ; sent with UPS
by ups = delivery_issue .55 ; sent with UPS
with ups = delivery_issue .5 ; sent with UPS
ups tracking = delivery_issue .7 ; UPS tracking
ups driver = delivery_issue .7 ; the UPS driver
arrive = delivery_issue .45 ; when it arrives
arrives = delivery_issue .45 ; when it arrives
address = delivery_issue .45 ; an address
my order = delivery_issue .5 ; their order
status = delivery_issue .4 ; asks about a status
locate = delivery_issue .4 ; wants to locate something
locating = delivery_issue .4 ; wants to locate something
purchase <n> = delivery_issue .6 ; a purchase number
order status = delivery_issue .7 ; the order status
status of my order = delivery_issue .7 ; the order status
status of the order = delivery_issue .7 ; the order status
status of order = delivery_issue .7 ; the order status
track order = delivery_issue .65 ; tracks an order
track an order = delivery_issue .65 ; tracks an order
track purchase = delivery_issue .65 ; tracks a purchase
track the order = delivery_issue .65 ; tracks an order
locate my order = delivery_issue .65 ; looks for their order
locate my purchase = delivery_issue .65 ; looks for their order
expect my = delivery_issue .45 ; expects their order
damaged = delivery_issue .55, complaint .5 ; arrived damaged
crushed = delivery_issue .5, complaint .45 ; arrived crushed
wrong size = delivery_issue .6, complaint .4 ; the wrong size
return label = delivery_issue .7 ; a return label
purchased = service 1 ; an earlier purchase
fedex = delivery_issue .6 ; FedEx
dhl = delivery_issue .6 ; DHL
usps = delivery_issue .6 ; USPS
royal mail = delivery_issue .6 ; Royal Mail
where is my order = delivery_issue .7 ; asks where their order is
where's my order = delivery_issue .7 ; asks where their order is
status of my order = delivery_issue .6 ; asks after their order
# Returns and exchanges are Logistics' work ("return" alone is too broad: "return my call").
to return = delivery_issue .55 ; wants to return something
return it = delivery_issue .6 ; a return
return this = delivery_issue .6 ; a return
return these = delivery_issue .6 ; a return
return an = delivery_issue .55 ; a return
return policy = delivery_issue .55, question .2 ; the return policy
send it back = delivery_issue .6 ; a return
send them back = delivery_issue .6 ; a return
exchange it = delivery_issue .6 ; an exchange
exchange my = delivery_issue .6 ; an exchange
exchange them = delivery_issue .6 ; an exchange

# --- billing, refunds, payments
refund = billing_issue .8 ; about a refund
refunds = billing_issue .8 ; about refunds
refunded = billing_issue .6 ; about a refund
reimbursement = billing_issue .75 ; about a reimbursement
reimburse = billing_issue .7 ; about a reimbursement
compensation = billing_issue .65 ; about compensation
restitution = billing_issue .65 ; about restitution
rebate = billing_issue .6 ; about a rebate
rebates = billing_issue .6 ; about rebates
money = billing_issue .35 ; about money
my money = billing_issue .6 ; about their money
reimbursed = billing_issue .75 ; about a reimbursement
reimbursements = billing_issue .75 ; about a reimbursement
penalty = billing_issue .6 ; a penalty fee
penalties = billing_issue .6 ; penalty fees
bills = billing_issue .65 ; about bills
money back = billing_issue .8, complaint .35 ; wants money back
charged = billing_issue .65 ; about a charge
charge = billing_issue .55 ; about a charge
charges = billing_issue .6 ; about charges
charging = billing_issue .6 ; about charging
overcharged = billing_issue .85, complaint .65 ; overcharged
double charged = billing_issue .9, complaint .7, urgency .3 ; charged twice
charged twice = billing_issue .9, complaint .7, urgency .3 ; charged twice
billing = billing_issue .75 ; about billing
billed = billing_issue .7 ; about a bill
bill = billing_issue .6 ; about a bill
invoice = billing_issue .8 ; about an invoice
invoices = billing_issue .8 ; about invoices
receipt = billing_issue .6 ; about a receipt
payment = billing_issue .75 ; about a payment
payments = billing_issue .75 ; about payments
pay = billing_issue .5 ; about paying
paid = billing_issue .5 ; about paying
paying = billing_issue .5 ; about paying
credit card = billing_issue .7 ; about a card
debit card = billing_issue .7 ; about a card
card = billing_issue .35 ; about a card
paypal = billing_issue .65 ; PayPal
transaction = billing_issue .6 ; a transaction
fee = billing_issue .6 ; a fee
fees = billing_issue .6 ; fees
cancellation fee = billing_issue .85 ; cancellation fee
cancellation fees = billing_issue .85 ; cancellation fees
early termination = billing_issue .6 ; early termination
price = purchase_intent .35, billing_issue .15 ; about a price
prices = purchase_intent .3 ; about prices
pricing = purchase_intent .35 ; about pricing
!refunded = billing_issue .8, complaint .65, urgency .35 ; not refunded
!paid = billing_issue .7, complaint .4 ; not paid

# --- account and access
account = account_issue .65 ; about an account
accounts = account_issue .5 ; about accounts
profile = account_issue .45 ; about a profile
login = account_issue .7 ; about logging in
log in = account_issue .7 ; about logging in
logged out = account_issue .7, complaint .3 ; logged out
sign in = account_issue .65 ; about signing in
signin = account_issue .65 ; about signing in
sign up = account_issue .55 ; about signing up
signup = account_issue .55 ; about signing up
register = account_issue .55 ; about registering
registration = account_issue .6 ; about registration
registered = account_issue .45 ; about registering
password = account_issue .8 ; about a password
username = account_issue .7 ; about a username
locked out = account_issue .85, complaint .5, urgency .45 ; locked out
hacked = account_issue .85, urgency .6, crisis .3 ; hacked account
verification = account_issue .55 ; about verification
verify = account_issue .45 ; about verification
2fa = account_issue .7 ; two-factor login
two factor = account_issue .7 ; two-factor login
email address = account_issue .75 ; email address
switch account = account_issue .8 ; switching accounts
newsletter = account_issue .75 ; newsletter subscription
subscribe = account_issue .35 ; subscribing
!log = account_issue .6, complaint .4 ; cannot log in
!login = account_issue .65, complaint .4 ; cannot log in
!access = account_issue .55, complaint .4 ; cannot get in

# --- cancelling
cancel = cancellation .65 ; wants to cancel
cancelling = cancellation .65 ; cancelling
canceling = cancellation .65 ; cancelling
cancellation = cancellation .6 ; cancellation
unsubscribe = cancellation .7 ; unsubscribe
cancel my = cancellation .85, urgency .35 ; cancel their account or plan
close my account = cancellation .85, account_issue .4, urgency .4 ; close their account
delete my account = cancellation .8, account_issue .5, urgency .35 ; delete their account
delete account = cancellation .6, account_issue .5 ; delete an account
terminate = cancellation .6 ; terminate
switching to = cancellation .5, complaint .3 ; switching to a rival
done with = cancellation .35, complaint .4 ; done with them
never again = cancellation .45, complaint .6 ; never again

# --- bugs and outages
bug = bug_report .8 ; a bug
bugs = bug_report .75 ; bugs
buggy = bug_report .75, complaint .4 ; buggy
crash = bug_report .8 ; a crash
crashes = bug_report .8 ; crashes
crashed = bug_report .75 ; crashed
crashing = bug_report .8, complaint .3 ; crashing
error = bug_report .65 ; an error
errors = bug_report .65 ; errors
glitch = bug_report .75 ; a glitch
glitchy = bug_report .75 ; glitchy
broken = bug_report .45, complaint .45 ; broken
freezes = bug_report .75 ; freezes
freezing = bug_report .6 ; freezing
frozen = bug_report .5 ; frozen
outage = bug_report .75, urgency .45, crisis .2 ; an outage
is down = bug_report .65, urgency .4 ; service down
down again = bug_report .65, complaint .5, urgency .4 ; down again
stuck on = bug_report .55, complaint .3 ; stuck
keeps crashing = bug_report .9, complaint .55 ; keeps crashing
doesn't work = bug_report .55, complaint .5 ; does not work
stopped working = bug_report .8, complaint .55 ; stopped working
won't load = bug_report .8, complaint .4 ; will not load
app = bug_report .15 ; the app
update = bug_report .15 ; an update
laggy = bug_report .6, complaint .35 ; laggy
unusable = bug_report .55, complaint .65 ; unusable

# --- questions
? = question .75 ; a question mark
how do i = question .8 ; how do I
how can i = question .8 ; how can I
how to = question .6 ; how to
can i = question .55 ; can I
can you = question .5 ; can you
could you = question .45 ; could you
is there = question .55 ; is there
are there = question .55 ; are there
do you = question .55 ; do you
does anyone = question .7 ; does anyone
any idea = question .55 ; any idea
anyone know = question .7 ; anyone know
i need to = question .3 ; needs to do something
i want to = question .25 ; wants to do something
i'd like to = question .25 ; would like to do something
help = question .3 ; asks for help
help me = question .35, urgency .15 ; asks for help
need help = question .45, urgency .3 ; needs help
can't find = question .4, complaint .2 ; cannot find
cannot find = question .4, complaint .2 ; cannot find
wondering = question .45 ; wondering

# --- praise
thank you = praise .6 ; thanks
thanks = praise .5 ; thanks
thank = praise .4 ; thanks
thx = praise .45 ; thanks
ty = praise .35 ; thanks
kudos = praise .7 ; kudos
shoutout = praise .65 ; shout-out
shout out = praise .65 ; shout-out
props to = praise .65 ; props
love = praise .5 ; love
loving = praise .5 ; love
amazing = praise .45 ; amazing
awesome = praise .45 ; awesome
excellent = praise .5 ; excellent
fantastic = praise .5 ; fantastic
brilliant = praise .5 ; brilliant
great job = praise .75 ; great job
well done = praise .7 ; well done
great service = praise .8 ; great service
excellent service = praise .8 ; excellent service
quick response = praise .65 ; quick response
fast delivery = praise .6 ; fast delivery
appreciate = praise .55 ; appreciation
best = praise .35 ; the best
recommend = praise .5 ; recommends
helpful = praise .5 ; helpful
lifesaver = praise .7 ; lifesaver
legend = praise .55 ; a legend

# --- buying
buy = purchase_intent .6 ; wants to buy
buying = purchase_intent .55 ; buying
purchase = purchase_intent .55 ; purchase
shop = purchase_intent .45, hype .2 ; shopping
shopping = purchase_intent .45 ; shopping
acquire = purchase_intent .4 ; acquire
order = purchase_intent .4 ; an order
orders = purchase_intent .35 ; orders
want to order = purchase_intent .8 ; wants to order
to order = purchase_intent .5 ; wants to order
like to order = purchase_intent .8 ; would like to order
can i order = purchase_intent .75, question .4 ; asks to order
how do i order = purchase_intent .75, question .5 ; asks how to order
how to order = purchase_intent .7, question .4 ; asks how to order
order online = purchase_intent .6 ; ordering online
change order = purchase_intent .6 ; changes an order
change my order = purchase_intent .65 ; changes an order
change the order = purchase_intent .6 ; changes an order
modify order = purchase_intent .6 ; changes an order
modify my order = purchase_intent .65 ; changes an order
edit order = purchase_intent .6 ; changes an order
edit my order = purchase_intent .65 ; changes an order
update my order = purchase_intent .65 ; changes an order
update order = purchase_intent .6 ; changes an order
updating order = purchase_intent .6 ; changes an order
correct order = purchase_intent .6 ; changes an order
correcting order = purchase_intent .6 ; changes an order
from order = purchase_intent .5 ; takes items out of an order
change purchase = purchase_intent .6 ; changes an order
change my purchase = purchase_intent .65 ; changes an order
edit purchase = purchase_intent .6 ; changes an order
edit my purchase = purchase_intent .65 ; changes an order
modify purchase = purchase_intent .6 ; changes an order
modify my purchase = purchase_intent .65 ; changes an order
update my purchase = purchase_intent .65 ; changes an order
ordering = purchase_intent .5 ; ordering
place an order = purchase_intent .85 ; place an order
want to buy = purchase_intent .85 ; wants to buy
where can i buy = purchase_intent .9, question .6 ; where to buy
how much = purchase_intent .5, question .5 ; how much
in stock = purchase_intent .65 ; in stock
back in stock = purchase_intent .7 ; restock
restock = purchase_intent .65 ; restock
pre order = purchase_intent .75 ; pre-order
preorder = purchase_intent .75 ; pre-order
available in = purchase_intent .45 ; availability
discount code = purchase_intent .55, hype .2 ; discount code
coupon = purchase_intent .5 ; coupon
cart = purchase_intent .5 ; cart
checkout = purchase_intent .5 ; checkout
quote = purchase_intent .4 ; a quote
upgrade = purchase_intent .4 ; upgrade
interested in = purchase_intent .35, partnership .15 ; interested

# --- feature requests
feature = feature_request .35 ; a feature
feedback = feature_request .45 ; product feedback
review = feature_request .45 ; a review
opinion = feature_request .4 ; an opinion
feature request = feature_request .9 ; feature request
please add = feature_request .85 ; please add
please make = feature_request .75 ; please make
please allow = feature_request .8 ; please allow
please enable = feature_request .8 ; please enable
please provide = feature_request .75 ; please provide
please include = feature_request .75 ; please include
please consider = feature_request .8 ; please consider
please support = feature_request .8 ; please support
please bring = feature_request .75 ; please bring
please let = feature_request .6 ; please let
please fix = feature_request .45, bug_report .5, complaint .3 ; please fix
please update = feature_request .6 ; please update
please implement = feature_request .85 ; please implement
should be able = feature_request .75 ; should be able
should have = feature_request .55 ; should have
should add = feature_request .8 ; should add
should allow = feature_request .8 ; should allow
should support = feature_request .75 ; should support
should provide = feature_request .75 ; should provide
should include = feature_request .75 ; should include
should make = feature_request .6 ; should make
should also = feature_request .55 ; should also
should be = feature_request .45 ; should be
should = feature_request .4 ; should
would = feature_request .15 ; would
would be = feature_request .45 ; would be
would also = feature_request .4 ; would also
would be a good idea = feature_request .85 ; would be a good idea
better if = feature_request .6 ; better if
better to = feature_request .45 ; better to
we need = feature_request .5 ; we need
need = feature_request .2 ; need
needs = feature_request .3 ; needs
can we = feature_request .45 ; can we
could we = feature_request .55 ; could we
can we have = feature_request .75 ; can we have
can we get = feature_request .7 ; can we get
could be = feature_request .3 ; could be
wish = feature_request .55 ; wishes
we want = feature_request .45 ; we want
i'd like = feature_request .45 ; would like
a way to = feature_request .5 ; a way to
option = feature_request .3 ; an option
ability = feature_request .35 ; the ability
let's = feature_request .45 ; let's
why don't you = feature_request .65 ; why don't you
why not = feature_request .5 ; why not
would be nice = feature_request .85 ; would be nice
would be great = feature_request .8 ; would be great
would be good = feature_request .75 ; would be good
would be helpful = feature_request .8 ; would be helpful
would be useful = feature_request .8 ; would be useful
would be awesome = feature_request .8 ; would be awesome
would be better = feature_request .7 ; would be better
would love = feature_request .55 ; would love
would like to see = feature_request .8 ; would like to see
would like = feature_request .55 ; would like
i wish = feature_request .6 ; wishes
wish there = feature_request .7 ; wishes
it would be = feature_request .45 ; it would be
could you add = feature_request .85 ; could you add
can you add = feature_request .85 ; can you add
add support = feature_request .8 ; add support
add an option = feature_request .8 ; add an option
add a = feature_request .35 ; add a
option to = feature_request .5 ; an option
ability to = feature_request .55 ; the ability to
allow us = feature_request .65 ; allow us
allow users = feature_request .7 ; allow users
allow developers = feature_request .7 ; allow developers
allow the = feature_request .45 ; allow the
let us = feature_request .55 ; let us
let me = feature_request .3 ; let me
make it possible = feature_request .75 ; make it possible
need a way = feature_request .7 ; need a way
need the ability = feature_request .8 ; need the ability
needs to be = feature_request .55 ; needs to be
need to be = feature_request .4 ; need to be
suggest = feature_request .55 ; suggests
suggestion = feature_request .55 ; a suggestion
recommend that = feature_request .6 ; recommends that
how about = feature_request .45 ; how about
consider = feature_request .4 ; consider
support for = feature_request .4 ; support for
dark mode = feature_request .6 ; dark mode
instead of = feature_request .25 ; instead of

# --- jobs and partnerships
hiring = job_inquiry .8 ; hiring
a job = job_inquiry .6 ; looking for a job
job opening = job_inquiry .85 ; job opening
job openings = job_inquiry .85 ; job openings
job offer = job_inquiry .6 ; job offer
job posting = job_inquiry .8 ; job posting
jobs = job_inquiry .55 ; jobs
work for you = job_inquiry .6 ; work for the company
work for your = job_inquiry .6 ; work for the company
job at = job_inquiry .6 ; a job at the company
jobs at = job_inquiry .6 ; jobs at the company
hire = job_inquiry .45 ; hiring
openings = job_inquiry .6 ; openings
interview = job_inquiry .5 ; an interview
recruiting = job_inquiry .7 ; recruiting
recruitment = job_inquiry .7 ; recruitment
recruiter = job_inquiry .7 ; a recruiter
apprenticeship = job_inquiry .8 ; an apprenticeship
apprenticeships = job_inquiry .8 ; apprenticeships
graduate scheme = job_inquiry .8 ; a graduate scheme
graduate programme = job_inquiry .8 ; a graduate programme
payslip = job_inquiry .7 ; a payslip
paycheck = job_inquiry .6 ; a paycheck
payroll = job_inquiry .6 ; payroll
career = job_inquiry .55 ; careers
careers = job_inquiry .6 ; careers
internship = job_inquiry .8 ; internship
vacancy = job_inquiry .8 ; vacancy
vacancies = job_inquiry .8 ; vacancies
my resume = job_inquiry .7 ; their resume
cv = job_inquiry .55 ; a CV
apply for a job = job_inquiry .85 ; applying for a job
apply for a position = job_inquiry .85 ; applying for a position
apply for the position = job_inquiry .85 ; applying for a position
apply for a role = job_inquiry .85 ; applying for a role
apply for the role = job_inquiry .85 ; applying for a role
applied for a job = job_inquiry .8 ; applied for a job
applied for a position = job_inquiry .8 ; applied for a position
applied for the position = job_inquiry .8 ; applied for a position
job application = job_inquiry .85 ; job application
open positions = job_inquiry .8 ; open positions
collab = partnership .8 ; collaboration
collaboration = partnership .75 ; collaboration
collaborate = partnership .7 ; collaborate
partnership = partnership .85 ; partnership
partner with = partnership .8 ; partner with
sponsor = partnership .6, hype .2 ; sponsorship
sponsorship = partnership .8 ; sponsorship
sponsored = hype .5, partnership .3 ; sponsored
influencer = partnership .55 ; influencer
ambassador = partnership .6 ; ambassador
affiliate = partnership .55, hype .3 ; affiliate
business inquiry = partnership .8 ; business inquiry
business inquiries = partnership .8 ; business inquiry
media kit = partnership .7 ; media kit

# --- spam and hype
click here = spam .6, hype .5 ; click here
click the link = spam .55, hype .5 ; click the link
link in bio = hype .6, spam .35 ; link in bio
check my profile = spam .8 ; check my profile
follow me = spam .6 ; follow me
follow back = spam .7 ; follow back
dm me = spam .45 ; dm me
dm for = spam .65, hype .4 ; dm for
crypto = spam .5, hype .3 ; crypto
bitcoin = spam .45 ; bitcoin
forex = spam .7 ; forex
nft = spam .45, hype .3 ; nft
earn = spam .35, hype .35 ; earn money
make money = spam .65, hype .5 ; make money
passive income = spam .75, hype .5 ; passive income
whatsapp = spam .4 ; whatsapp
telegram = spam .35 ; telegram
free followers = spam .9 ; free followers
cheap followers = spam .9 ; followers for sale
investment = spam .3 ; investment
giveaway = hype .75, spam .25 ; giveaway
sale = hype .55 ; a sale
discount = hype .5 ; discount
off = hype .1 ; off
limited time = hype .8 ; limited time
limited edition = hype .6 ; limited edition
don't miss = hype .75 ; don't miss
dont miss = hype .75 ; don't miss
shop now = hype .85 ; shop now
buy now = hype .85, purchase_intent .3 ; buy now
order now = hype .8 ; order now
get yours = hype .8 ; get yours
grab yours = hype .8 ; grab yours
sign up now = hype .7 ; sign up now
new collection = hype .7 ; new collection
launch = hype .45 ; a launch
launching = hype .5 ; launching
introducing = hype .65 ; introducing
announcing = hype .55 ; announcing
exclusive = hype .55 ; exclusive
promo = hype .65 ; promo
promo code = hype .75 ; promo code
deal = hype .4 ; a deal
deals = hype .5 ; deals
offer = hype .4 ; an offer
win = hype .35 ; win
chance to win = hype .8 ; chance to win
game changer = hype .6 ; game changer
game-changer = hype .6 ; game changer
revolutionary = hype .6 ; revolutionary
best ever = hype .55 ; best ever
must have = hype .6 ; must have
must-have = hype .6 ; must have
available now = hype .7 ; available now
out now = hype .7 ; out now
coming soon = hype .6 ; coming soon
stay tuned = hype .6 ; stay tuned
ad = hype .3 ; an ad

# --- urgency, deadlines and repeated contact
urgent = urgency .75 ; urgent
urgently = urgency .75 ; urgently
asap = urgency .7 ; as soon as possible
immediately = urgency .6 ; immediately
right now = urgency .45 ; right now
emergency = urgency .8, crisis .3 ; emergency
today = urgency .25 ; today
tonight = urgency .3 ; tonight
tomorrow = urgency .25 ; tomorrow
deadline = urgency .6 ; deadline
waiting = urgency .35, complaint .25 ; waiting
waited = urgency .35, complaint .3 ; waited
for hours = urgency .45, complaint .35 ; hours of waiting
for days = urgency .5, complaint .4 ; days of waiting
for weeks = urgency .55, complaint .45 ; weeks of waiting
for months = urgency .55, complaint .45 ; months of waiting
<n> hours = urgency .35 ; hours
<n> days = urgency .4, complaint .2 ; days
<n> weeks = urgency .5, complaint .3 ; weeks
<n> months = urgency .5, complaint .3 ; months
<n> times = urgency .45, complaint .35 ; repeated contact
second time = urgency .4, complaint .35 ; second time
third time = urgency .55, complaint .45 ; third time
3rd time = urgency .55, complaint .45 ; third time
multiple times = urgency .5, complaint .4 ; repeated contact
several times = urgency .5, complaint .4 ; repeated contact
called = urgency .2 ; called already
emailed = urgency .25 ; emailed already
last chance = urgency .5 ; last chance

# --- crisis: safety, legal, reputation
lawyer = crisis .8, urgency .7, complaint .4 ; lawyer mentioned
lawyers = crisis .8, urgency .7, complaint .4 ; lawyers mentioned
attorney = crisis .8, urgency .7, complaint .4 ; attorney mentioned
sue = crisis .8, urgency .7, complaint .5 ; threat to sue
suing = crisis .8, urgency .7, complaint .5 ; threat to sue
lawsuit = crisis .85, urgency .7 ; lawsuit
legal action = crisis .85, urgency .75, complaint .5 ; legal action
small claims = crisis .75, urgency .6 ; small claims court
court = crisis .4, urgency .3 ; court
trading standards = crisis .75, urgency .6, complaint .5 ; trading standards
consumer protection = crisis .7, urgency .6 ; consumer protection
ombudsman = crisis .7, urgency .55 ; ombudsman
bbb = crisis .5, urgency .5, complaint .5 ; Better Business Bureau
chargeback = crisis .45, urgency .55, billing_issue .8 ; chargeback
report you = crisis .5, urgency .5, complaint .5 ; threat to report
fire = crisis .55, urgency .55 ; fire
smoke = crisis .45, urgency .45 ; smoke
burned = crisis .55, urgency .55 ; burned
burnt = crisis .45, urgency .45 ; burnt
exploded = crisis .8, urgency .7 ; exploded
explode = crisis .65, urgency .6 ; explosion
injured = crisis .8, urgency .7 ; injury
injury = crisis .8, urgency .7 ; injury
hurt = crisis .4, urgency .4 ; hurt
hospital = crisis .6, urgency .6 ; hospital
allergic = crisis .6, urgency .6 ; allergic reaction
allergic reaction = crisis .85, urgency .8 ; allergic reaction
choking = crisis .8, urgency .75 ; choking hazard
dangerous = crisis .6, urgency .55 ; dangerous
unsafe = crisis .6, urgency .55 ; unsafe
poison = crisis .7, urgency .6 ; poison
poisoning = crisis .8, urgency .7 ; poisoning
food poisoning = crisis .85, urgency .75, complaint .6 ; food poisoning
recall = crisis .55, urgency .5 ; recall
data breach = crisis .9, urgency .8 ; data breach
leaked = crisis .6, urgency .55 ; leak
discrimination = crisis .7, urgency .55, complaint .5 ; discrimination
racist = crisis .75, urgency .6, complaint .55 ; racism
boycott = crisis .65, urgency .5, complaint .5 ; boycott
going viral = crisis .5, urgency .4 ; going viral
journalist = crisis .45, urgency .4 ; press
the press = crisis .45, urgency .4 ; press
`;
