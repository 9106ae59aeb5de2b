// Text templates with slots for the sample world. Each template is a function of `Slots`, which draws the
// variable parts (products, order numbers, emoji) from the seeded generator, so texts vary but stay reproducible.
import type { Random } from './random';
import {
  CAST_IRON,
  CITIES,
  COOKWARE,
  HAPPY_EMOJI,
  NEUTRAL_EMOJI,
  PRODUCTS,
  SAD_EMOJI,
} from './vocabulary';

/** The variable parts of a text, drawn from the seeded generator. */
export class Slots {
  constructor(
    private readonly rng: Random,
    /** How the brand is addressed on this platform (`@kettleandpine`, or the plain name). */
    public brand: string,
    /** The first name of the person being answered, for replies. */
    public name = 'there',
  ) {}
  product(): string {
    return this.rng.pick(PRODUCTS);
  }
  /** Something that goes on the hob or in the oven, for questions that only make sense about pans. */
  cookware(): string {
    return this.rng.pick(COOKWARE);
  }
  /** Cast iron only, for seasoning and rust. */
  castIron(): string {
    return this.rng.pick(CAST_IRON);
  }
  order(): string {
    return `KP-${this.rng.int(100000, 999999)}`;
  }
  days(): number {
    return this.rng.int(3, 14);
  }
  hours(): number {
    return this.rng.int(2, 9);
  }
  city(): string {
    return this.rng.pick(CITIES);
  }
  money(): string {
    return `£${this.rng.int(12, 240)}.${this.rng.pick(['00', '49', '99', '95'])}`;
  }
  /** An emoji about half the time (with a leading space), otherwise nothing. */
  happy(): string {
    return this.rng.chance(0.5) ? ` ${this.rng.pick(HAPPY_EMOJI)}` : '';
  }
  sad(): string {
    return this.rng.chance(0.45) ? ` ${this.rng.pick(SAD_EMOJI)}` : '';
  }
  neutral(): string {
    return this.rng.chance(0.25) ? ` ${this.rng.pick(NEUTRAL_EMOJI)}` : '';
  }
  sign(): string {
    return this.rng.chance(0.5) ? ` ^${this.rng.pick(['MK', 'JS', 'AR', 'TL', 'PD', 'EB'])}` : '';
  }
}

export type Template = (s: Slots) => string;

/** Inbound message kinds, each with its templates. */
export const INBOUND: Record<string, readonly Template[]> = {
  delivery_issue: [
    (s) =>
      `${s.brand} where is my parcel?? Order ${s.order()} was due ${s.days()} days ago${s.sad()}`,
    (s) => `${s.brand} my package never arrived. Tracking has said "out for delivery" since Monday`,
    (s) =>
      `Ordered a ${s.product()} from ${s.brand} ${s.days()} days ago and still nothing. Anyone else waiting?`,
    (s) => `${s.brand} tracking for ${s.order()} hasn't moved in a week. What is going on?`,
    (s) =>
      `Hi ${s.brand}, the courier says delivered but there is no parcel here in ${s.city()}${s.sad()}`,
    (s) =>
      `${s.brand} still no sign of my order ${s.order()}. It was a birthday present for Saturday`,
    (s) => `${s.brand} parcel lost?? paid for next day delivery, day ${s.days()} now`,
    (s) =>
      `is anyone actually delivering for ${s.brand} this week? third day checking the door${s.sad()}`,
    (s) =>
      `${s.brand} my ${s.product()} arrived smashed, box looked like it was dropped from a plane`,
    (s) => `${s.brand} where is my order?? ${s.order()} — no email, no tracking, nothing`,
    (s) => `Waiting on a ${s.product()} from ${s.brand}. Courier keeps rescheduling. Not impressed`,
    (s) =>
      `${s.brand} can you check on ${s.order()}? It's been stuck at the ${s.city()} depot for ${s.days()} days`,
    (s) =>
      `${s.brand} delivery window was 9-1, it's now 6pm and no parcel. Took a day off work for this${s.sad()}`,
    (s) =>
      `${s.brand} got someone else's parcel instead of my ${s.product()}. What do I do with it?`,
  ],
  billing_issue: [
    (s) =>
      `${s.brand} I was charged twice for order ${s.order()}. Please refund the second payment`,
    (s) => `${s.brand} where is my refund?? returned the ${s.product()} ${s.days()} days ago`,
    (s) => `${s.brand} your checkout took ${s.money()} but I never got a confirmation email`,
    (s) => `${s.brand} the discount code didn't apply and I paid full price. Can you fix that?`,
    (s) => `Hi ${s.brand}, can I get an invoice with my company's VAT number for ${s.order()}?`,
    (s) => `${s.brand} refund still not on my card after ${s.days()} working days${s.sad()}`,
    (s) => `${s.brand} why was I charged ${s.money()} for shipping when it said free over £40?`,
  ],
  account_issue: [
    (s) => `${s.brand} I can't log in to my account, the reset email never comes`,
    (s) => `${s.brand} how do I change the email address on my account?`,
    (s) => `${s.brand} my account got locked after one wrong password??`,
    (s) => `${s.brand} please delete my account and all my data`,
    (s) => `${s.brand} the app keeps logging me out every time I open it${s.sad()}`,
    (s) => `${s.brand} someone placed an order on my account that wasn't me. Please help urgently`,
  ],
  bug_report: [
    (s) => `${s.brand} the app crashes every time I open my basket (iPhone, latest version)`,
    (s) => `${s.brand} your website's checkout button does nothing on Firefox`,
    (s) => `${s.brand} bug: the size filter shows items that are out of stock`,
    (s) => `${s.brand} app shows my order as delivered and not delivered at the same time 🤔`,
    (s) => `${s.brand} tried to pay with Apple Pay, got "error 500" three times`,
    (s) =>
      `${s.brand} the search on your site returns nothing for "${s.product()}" even though you sell it`,
    (s) => `${s.brand} the app's dark mode makes the prices invisible lol`,
    (s) => `${s.brand} wishlist is empty after the update, I had 30 things saved${s.sad()}`,
  ],
  feature_request: [
    (s) => `${s.brand} would be great if you could choose a delivery day at checkout`,
    (s) => `${s.brand} please add a left-handed version of the ${s.product()}!`,
    (s) => `${s.brand} any chance of a dark mode in the app?`,
    (s) => `It would be nice if ${s.brand} let you pause a subscription instead of cancelling`,
    (s) => `${s.brand} you should sell replacement lids for the ${s.product()}`,
    (s) => `${s.brand} I wish the app had a reorder button for things I buy every month`,
    (s) => `${s.brand} suggestion: send tracking by SMS, not just email`,
    (s) => `${s.brand} can you make the ${s.product()} in green? Would buy two`,
    (s) => `Dear ${s.brand}, please bring back the recipe cards in the box!`,
  ],
  praise: [
    (s) => `Absolutely love my new ${s.product()} from ${s.brand}${s.happy()}`,
    (s) => `${s.brand} your support team sorted my problem in five minutes. Brilliant service!`,
    (s) => `Best ${s.product()} I've ever owned. Thank you ${s.brand}${s.happy()}`,
    (s) => `Shout out to ${s.brand} for the handwritten note in my order${s.happy()}`,
    (s) => `${s.brand} the ${s.product()} is even better than the reviews said`,
    (s) =>
      `Three years with my ${s.brand} ${s.product()} and it still looks new. Worth every penny`,
    (s) => `${s.brand} arrived a day early and beautifully packed. Thank you!${s.happy()}`,
    (s) => `Made the best Sunday roast of my life in the ${s.brand} ${s.product()}${s.happy()}`,
    (s) => `not bad at all ${s.brand}, the ${s.product()} is solid`,
    (s) => `${s.brand} you people are great, genuinely. Thanks for replacing my ${s.product()}`,
    (s) =>
      `Can't stop cooking since I got the ${s.product()} from ${s.brand} #happykitchen${s.happy()}`,
  ],
  purchase_question: [
    (s) => `${s.brand} is the ${s.cookware()} dishwasher safe? Thinking of ordering one`,
    (s) => `${s.brand} do you ship to Ireland? Want to buy a ${s.product()}`,
    (s) => `${s.brand} will the ${s.product()} be back in stock before Christmas?`,
    (s) => `${s.brand} any discount for ordering 20 of the ${s.product()} for our restaurant?`,
    (s) => `Torn between the ${s.product()} and the ${s.product()}, which one ${s.brand}?`,
    (s) => `${s.brand} does the ${s.cookware()} work on induction hobs?`,
    (s) => `${s.brand} how much is delivery to ${s.city()}? Ready to order`,
    (s) => `${s.brand} do you do gift wrapping? Looking for a present${s.neutral()}`,
  ],
  product_question: [
    (s) => `${s.brand} how do I season the ${s.castIron()}?`,
    (s) => `${s.brand} is it normal for the ${s.castIron()} to have black flakes after washing?`,
    (s) => `${s.brand} what's the warranty on the ${s.product()}?`,
    (s) =>
      `How do you clean rust off a ${s.brand} ${s.castIron()}? Asking for a friend${s.neutral()}`,
    (s) => `${s.brand} can the ${s.cookware()} go in the oven at 250°C?`,
    (s) => `${s.brand} what's the best way to sharpen the chef's knife?`,
    (s) => `${s.brand} how do I return something I bought in store?`,
  ],
  cancellation: [
    (s) => `${s.brand} cancel my account. Done with you`,
    (s) => `${s.brand} I want to cancel order ${s.order()} before it ships`,
    (s) => `${s.brand} how do I cancel my subscription? can't find it anywhere`,
    (s) => `${s.brand} please cancel my order and refund me, it's been ${s.days()} days${s.sad()}`,
  ],
  job_inquiry: [
    (s) => `${s.brand} are you hiring in ${s.city()}? I'd love to work in your warehouse`,
    (s) => `Hi ${s.brand}, do you have any openings for a junior designer?`,
    (s) => `${s.brand} I applied for the customer service role two weeks ago, any news?`,
    (s) => `${s.brand} do you take interns for the summer?`,
  ],
  partnership: [
    (s) =>
      `${s.brand} hi! I'm a food creator with 80k followers, would love to collab. DM me${s.happy()}`,
    (s) =>
      `${s.brand} we run a cookery school in ${s.city()} and would like to stock your ${s.product()}. Who do we talk to?`,
    (s) => `Hello ${s.brand}, partnership opportunity: our podcast reaches 200k home cooks a month`,
    (s) =>
      `${s.brand} I'd love to feature your ${s.product()} in my next video. Is there a PR contact?`,
  ],
  spam: [
    () => `🔥🔥 EARN £500 A DAY FROM HOME 🔥🔥 click the link in bio!!!`,
    () => `Get 10k followers FAST 💯 cheap guaranteed real http://followers.example.com`,
    (s) => `${s.brand} check DM for a special crypto offer 🚀🚀🚀`,
    () => `Win a free iPhone!!! Just like and retweet and follow 👉 http://prize.example.net`,
    (s) => `${s.brand} Hot singles in ${s.city()} want to meet you`,
    () => `BUY CHEAP DESIGNER BAGS 90% OFF www.bags-outlet.example`,
  ],
  chatter: [
    (s) => `Just walked past the ${s.brand} pop-up in ${s.city()}, looks cute${s.neutral()}`,
    (s) => `Anyone tried the ${s.brand} ${s.product()}? Opinions?`,
    (s) => `The ${s.brand} ad is on TV again${s.neutral()}`,
    (s) => `Cooking dinner with my ${s.brand} ${s.product()} tonight${s.neutral()}`,
    (s) => `${s.brand} vs the supermarket ones, is there really a difference?`,
    (s) => `Saw a ${s.brand} ${s.product()} in a charity shop for £5. Bargain of the year`,
  ],
  complaint: [
    (s) => `${s.brand} third time I'm writing about this. Nobody answers. Awful service${s.sad()}`,
    (s) => `Never ordering from ${s.brand} again. The ${s.product()} broke after a week`,
    (s) => `${s.brand} your customer service is a joke. ${s.days()} days, zero replies`,
    (s) =>
      `${s.brand} still waiting for an answer about my broken ${s.product()}. Do you even read these?`,
    (s) => `Don't buy from ${s.brand}. Overpriced and the ${s.product()} wasn't good at all`,
    (s) => `${s.brand} I've asked FOUR times now. Escalate this or I'm going to trading standards`,
    (s) =>
      `The handle of my ${s.brand} ${s.product()} snapped. Disappointed doesn't cover it${s.sad()}`,
    (s) => `${s.brand} you promised a callback yesterday. Nothing. Again.`,
  ],
};

/** A customer's follow-up in a thread they opened. */
export const FOLLOW_UPS: Record<'chase' | 'thanks' | 'still_broken', readonly Template[]> = {
  chase: [
    (s) => `${s.brand} hello?? ${s.hours()} hours and no answer`,
    (s) => `${s.brand} any update on this?`,
    () => `Still waiting…`,
    (s) => `${s.brand} bumping this. Please reply${s.sad()}`,
    () => `Is anybody there?`,
  ],
  thanks: [
    () => `Thanks, that was quick!`,
    () => `Perfect, thank you${'!'}`,
    (s) => `Got it, thanks for sorting it${s.happy()}`,
    () => `Cheers, much appreciated`,
    () => `Sent you a DM, thanks`,
  ],
  still_broken: [
    () => `That didn't help, it's still not working`,
    () => `Did that already. Still nothing`,
    (s) => `Tried that twice. Same problem${s.sad()}`,
  ],
};

/** A question's topic, with how a superfan and the brand answer it (so answers fit the question). */
export interface Topic {
  when: RegExp;
  fan: readonly Template[];
  brand: readonly Template[];
}

export const TOPICS: readonly Topic[] = [
  {
    when: /season/i,
    fan: [
      () =>
        `Thin layer of oil, 200°C for an hour, let it cool in the oven. Repeat 3 times and it's perfect`,
    ],
    brand: [
      (s) =>
        `Hi ${s.name}, here's our step-by-step seasoning guide: https://kettleandpine.example/care${s.sign()}`,
    ],
  },
  {
    when: /induction/i,
    fan: [() => `Yes, it works on induction, I use mine every day. Heat it up slowly`],
    brand: [
      (s) => `Hi ${s.name}! Yes, all our cast iron and enamel pans work on induction${s.sign()}`,
    ],
  },
  {
    when: /warranty/i,
    fan: [
      () =>
        `Warranty is lifetime on the cast iron, 2 years on the electricals. Keep your order email`,
    ],
    brand: [
      (s) =>
        `Hi ${s.name}, cookware has a lifetime guarantee and electricals 2 years. Just keep your order email${s.sign()}`,
    ],
  },
  {
    when: /black flakes/i,
    fan: [
      () => `Black flakes are just seasoning coming off, totally normal. Re-season and you're fine`,
    ],
    brand: [
      (s) =>
        `Hi ${s.name}, that's seasoning lifting, not the pan. A quick re-season fixes it: https://kettleandpine.example/care${s.sign()}`,
    ],
  },
  {
    when: /rust/i,
    fan: [() => `Steel wool, rinse, dry on the hob, then oil it. Good as new`],
    brand: [
      (s) =>
        `Hi ${s.name}, scrub the rust off, dry it on the hob and re-season. Guide: https://kettleandpine.example/care${s.sign()}`,
    ],
  },
  {
    when: /oven at/i,
    fan: [() => `Oven safe to 260°C, just not the wooden handle ones`],
    brand: [
      (s) =>
        `Great question, ${s.name}. It's oven safe to 260°C; wooden handles to 180°C${s.sign()}`,
    ],
  },
  {
    when: /sharpen/i,
    fan: [() => `Whetstone at 15 degrees. There's a great video on their site too`],
    brand: [
      (s) =>
        `Hi ${s.name}, a whetstone at 15° works best. Or bring it in store and we'll sharpen it free${s.sign()}`,
    ],
  },
  {
    when: /return something/i,
    fan: [() => `Returns in store work if you bring the order email, did it last month`],
    brand: [
      (s) =>
        `Hi ${s.name}, bring it to any store with your receipt, or post it back free within 60 days${s.sign()}`,
    ],
  },
  {
    when: /dishwasher/i,
    fan: [() => `Hand wash only for the cast iron, the enamel ones are fine in the dishwasher`],
    brand: [
      (s) =>
        `Hi ${s.name}, enamel yes, cast iron no: hand wash and dry it straight away${s.sign()}`,
    ],
  },
  {
    when: /Ireland|delivery to/i,
    fan: [() => `They ship to Ireland, took 3 days for me`],
    brand: [(s) => `Hi ${s.name}, we deliver in 2–4 days, £4.95 or free over £60${s.sign()}`],
  },
  {
    when: /back in stock/i,
    fan: [() => `Sign up for the stock alert, I got mine within two weeks last time`],
    brand: [
      (s) =>
        `Good news ${s.name}: it's back in stock on the 14th. Want us to notify you?${s.sign()}`,
    ],
  },
  {
    when: /restaurant/i,
    fan: [() => `Email their trade team, they gave our café a good price`],
    brand: [
      (s) =>
        `Hi ${s.name}, for trade orders please email trade@kettleandpine.example and we'll send a quote${s.sign()}`,
    ],
  },
  {
    when: /Torn between|which one/i,
    fan: [() => `Go for the bigger one, you won't regret it`],
    brand: [
      (s) =>
        `Hi ${s.name}! The larger one suits families; the smaller heats faster. Happy to help you choose by DM${s.sign()}`,
    ],
  },
  {
    when: /gift wrap/i,
    fan: [() => `They do, it's a box with a ribbon at checkout. Looks lovely`],
    brand: [
      (s) => `Hi ${s.name}, yes! Choose gift wrap at checkout, £3, and add a message${s.sign()}`,
    ],
  },
  {
    when: /Opinions\?/i,
    fan: [() => `Had mine for five years, still my favourite thing in the kitchen`],
    brand: [],
  },
];

/** The topic of a question, if it has one the sample world knows. */
export function topicOf(text: string): Topic | undefined {
  return TOPICS.find((topic) => topic.when.test(text));
}

/** The brand's answer, by the kind of message it answers. */
export const BRAND_REPLIES: Record<string, readonly Template[]> = {
  delivery_issue: [
    (s) =>
      `Hi ${s.name}, so sorry your parcel is late. Could you DM us your order number so we can chase the courier?${s.sign()}`,
    (s) =>
      `Sorry about this, ${s.name}. We've raised a trace with the courier and will update you within 24 hours${s.sign()}`,
    (s) =>
      `Hi ${s.name}, we're really sorry. Your order is with the courier's ${s.city()} depot; we've asked them to prioritise it${s.sign()}`,
    (s) =>
      `${s.name}, that's not the experience we want for you. We're sending a replacement today by express, no need to return anything${s.sign()}`,
  ],
  billing_issue: [
    (s) =>
      `Hi ${s.name}, sorry for the trouble. Please DM us the last 4 digits of the card and the order number and we'll check the payment${s.sign()}`,
    (s) =>
      `Thanks ${s.name}, refunds take 3–5 working days to show. We've checked and yours was issued yesterday${s.sign()}`,
    (s) =>
      `Hi ${s.name}, we've refunded the duplicate charge. You'll see it on your statement within 5 days${s.sign()}`,
  ],
  account_issue: [
    (s) =>
      `Hi ${s.name}, please check your spam folder for the reset email; if it isn't there, DM us and we'll reset it for you${s.sign()}`,
    (s) => `Sorry ${s.name}! We've unlocked your account. You can log in again now${s.sign()}`,
    (s) =>
      `Hi ${s.name}, you can change your email under Account → Details. Happy to do it for you by DM too${s.sign()}`,
  ],
  bug_report: [
    (s) =>
      `Thanks for flagging this, ${s.name}. Our app team is on it; could you tell us your phone model and app version?${s.sign()}`,
    (s) =>
      `Hi ${s.name}, we found the bug and a fix is going out today. Sorry for the hassle${s.sign()}`,
    (s) => `Thanks ${s.name}, we've passed this to the web team with your details${s.sign()}`,
  ],
  feature_request: [
    (s) => `Love this idea, ${s.name}! We've passed it to our product team${s.sign()}`,
    (s) => `Thanks ${s.name}, you're not the first to ask, so it's on the list${s.sign()}`,
  ],
  praise: [
    (s) => `Thank you so much, ${s.name}! Happy cooking 🍳`,
    (s) => `This made our day, ${s.name} ❤️`,
    (s) => `Thanks ${s.name}! We'll pass this on to the team`,
  ],
  purchase_question: [
    (s) =>
      `Hi ${s.name}! Yes it is, and it's also oven safe. Here's the product page: https://kettleandpine.example/shop${s.sign()}`,
    (s) => `Hi ${s.name}, we ship to Ireland in 2–4 days, £4.95 or free over £60${s.sign()}`,
    (s) => `Good news ${s.name}: it's back in stock on the 14th. Want us to notify you?${s.sign()}`,
    (s) =>
      `Hi ${s.name}, for trade orders please email trade@kettleandpine.example and we'll send a quote${s.sign()}`,
  ],
  product_question: [
    (s) =>
      `Hi ${s.name}, here's our step-by-step guide: https://kettleandpine.example/care${s.sign()}`,
    (s) => `Great question, ${s.name}. It's oven safe to 260°C; wooden handles to 180°C${s.sign()}`,
    (s) =>
      `Hi ${s.name}, all our cookware has a lifetime guarantee. Just keep your order email${s.sign()}`,
  ],
  cancellation: [
    (s) => `Hi ${s.name}, we've cancelled that for you and the refund is on its way${s.sign()}`,
    (s) =>
      `Sorry to see you go, ${s.name}. Could you DM us so we can sort this properly?${s.sign()}`,
  ],
  job_inquiry: [
    (s) =>
      `Hi ${s.name}! All our openings are at https://kettleandpine.example/careers, good luck!`,
    (s) => `Thanks ${s.name}, our people team will be in touch about your application`,
  ],
  partnership: [
    (s) => `Hi ${s.name}, thanks! Please email partners@kettleandpine.example with the details`,
  ],
  complaint: [
    (s) =>
      `${s.name}, we're sorry we let you down. Could you DM us your order number? A team lead will look at this today${s.sign()}`,
    (s) =>
      `Hi ${s.name}, we hear you and we're sorry. We've escalated this and will call you today${s.sign()}`,
  ],
  chatter: [(s) => `Thanks for the mention, ${s.name}${s.happy()}`],
};

/** The brand's auto-responder: fast, but it answers nobody. */
export const BOT_REPLIES: readonly Template[] = [
  () => `Thanks for your message! Our team replies 8am–8pm. Your reference is in your DMs.`,
  () => `Hi! We've received your message and a member of our team will get back to you shortly.`,
  () => `Thanks for getting in touch. Average reply time right now: 2 hours.`,
];

/** The brand's own posts: helpful, promotional, or about an incident. */
export const BRAND_POSTS: Record<'help' | 'promo' | 'incident', readonly Template[]> = {
  help: [
    () =>
      `Parcel running late? Track it here and we'll step in if it's over 2 days late: https://kettleandpine.example/track`,
    () => `Cast iron care in one line: wash, dry on the hob, a drop of oil. That's it.`,
    () =>
      `Our support team is here 7am–10pm every day, on here, by chat and at help@kettleandpine.example`,
    () =>
      `Lost your receipt? Your order email works as proof of purchase for the lifetime guarantee.`,
    (s) =>
      `How to season a ${s.product()} in 4 steps: wash, dry, oil, bake at 200°C for an hour. Full guide: https://kettleandpine.example/care`,
    () =>
      `Returns are free for 60 days, in store or by post. Here's how: https://kettleandpine.example/returns`,
    () => `Quick tip: warm your pan before adding oil and food will not stick.`,
  ],
  promo: [
    () => `Limited edition forest green is HERE 🌲 Only 500 made. Be quick!`,
    (s) => `Treat yourself: 2 for 1 on the ${s.product()} until Sunday ✨ #deal`,
    () => `You asked, we listened: free delivery on EVERYTHING this week 🚚🔥`,
    () => `🔥 FLASH SALE 🔥 30% off everything this weekend only! Don't miss out!!! #sale`,
    (s) => `NEW IN: the ${s.product()} you've been waiting for ✨ Shop now before it's gone!`,
    () => `Our Black Friday deals are LIVE. Biggest savings of the year 🛒`,
  ],
  incident: [
    () =>
      `We're aware that many deliveries are delayed because of a problem at our courier's northern hub. We're sorry. Orders are safe and will arrive; we'll update here every few hours.`,
    () =>
      `Update on delivery delays: the courier has cleared most of the backlog. If your order is more than 5 days late, DM us and we'll send a replacement.`,
  ],
};

/** Staff talking about work on their own accounts. */
export const STAFF_POSTS: readonly Template[] = [
  (s) => `Proud of our warehouse team today, 3,000 parcels out the door${s.happy()}`,
  (s) => `New ${s.product()} samples landed at ${s.brand} HQ and they're gorgeous`,
  () => `We're hiring in customer service! Come work with me, it's a great team`,
  () => `Long day on the support desk but we got through every message`,
];
