// Writes review histories and what ts-fsrs 5.4.2 schedules after each review, for Steppe's replay tests.
// Usage: node generate-replays.mjs OUT_DIR   (deterministic: the same files every run)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmptyCard, fsrs, generatorParameters, State } from 'ts-fsrs';

// mulberry32: a small seeded PRNG, so the histories are the same on every run.
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000, DAY = 86_400_000;
const iso = d => d.toISOString();

function histories(name, settings, cards, seed) {
  const f = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true, ...settings }));
  const random = rng(seed);
  const pick = weights => { let x = random() * weights.reduce((a, b) => a + b); for (let i = 0; i < weights.length; i++) { if ((x -= weights[i]) < 0) return i + 1; } return weights.length; };
  const reviews = ['card_id,review_rating,review_time,review_duration'];
  const expected = ['card_id,review_time,review_rating,state,stability,difficulty,scheduled_days,due'];
  let count = 0;
  for (let c = 0; c < cards; c++) {
    const cardId = 1_700_000_000_000 + c * 7919;
    let now = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 400 * DAY) + Math.floor(random() * DAY));
    let card = createEmptyCard(now);
    const length = 5 + Math.floor(random() * 36);
    for (let i = 0; i < length; i++) {
      // all four ratings, Again and Good most often
      const grade = pick([0.2, 0.15, 0.5, 0.15]);
      const result = f.next(card, now, grade);
      // ts-fsrs lets its Hard < Good < Easy ordering push an interval past maximum_interval; Steppe caps it
      // (tested on its own), so a history ends before such a review.
      if (result.card.scheduled_days > f.parameters.maximum_interval) break;
      card = result.card;
      reviews.push(`${cardId},${grade},${iso(now)},${1000 + Math.floor(random() * 20000)}`);
      expected.push([cardId, iso(now), grade, State[card.state], card.stability, card.difficulty, card.scheduled_days, iso(card.due)].join(','));
      count++;
      // next review: on time, early, overdue, or again the same day
      const due = card.due.getTime(), span = Math.max(due - now.getTime(), MINUTE);
      const kind = random();
      let next;
      if (kind < 0.45) next = due + Math.floor(random() * 6 * 3_600_000);              // on the due day, a few hours late
      else if (kind < 0.65) next = now.getTime() + Math.floor(span * (0.2 + 0.6 * random())); // early
      else if (kind < 0.85) next = due + Math.floor(random() * 2 * span);               // overdue
      else next = now.getTime() + Math.floor(random() * 5 * 3_600_000);                 // same day or next, hours later
      now = new Date(Math.max(next, now.getTime() + 1000));
    }
  }
  writeFileSync(join(process.argv[2], `${name}.reviews.csv`), reviews.join('\n') + '\n');
  writeFileSync(join(process.argv[2], `${name}.ts-fsrs.csv`), expected.join('\n') + '\n');
  console.log(`${name}: ${cards} cards, ${count} reviews`);
}

// The defaults (1m 10m learning, 10m relearning, retention 0.9) and a second set of settings.
histories('defaults', {}, 550, 20261127);
histories('custom-settings', {
  request_retention: 0.85, maximum_interval: 365, learning_steps: ['2m', '15m', '1h'], relearning_steps: ['5m', '30m'],
  w: [0.3, 1.1, 2.9, 9.5, 6.2, 0.7, 2.8, 0.01, 1.7, 0.2, 0.9, 1.6, 0.05, 0.3, 1.5, 0.5, 2.1, 0.4, 0.1, 0.05, 0.2],
}, 150, 7);
