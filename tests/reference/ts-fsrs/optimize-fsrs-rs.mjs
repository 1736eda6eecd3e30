// Fits FSRS-6 parameters with the fsrs-rs optimizer (npm @open-spaced-repetition/binding 0.5.0) to a review
// log in Steppe's CSV format, with days counted as UTC calendar days (steppe srs optimize's defaults).
// Usage: node optimize-fsrs-rs.mjs REVIEWS.csv [STEPPE_PARAMETERS_JSON] > result.json
import { readFileSync } from 'node:fs';
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding';

const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').slice(1);
const cards = new Map();
for (const row of rows) {
  const [id, rating, time] = row.split(',');
  if (!cards.has(id)) cards.set(id, []);
  cards.get(id).push({ rating: +rating, time: new Date(time) });
}
const day = d => Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 86_400_000);
const items = [];
for (const reviews of cards.values()) {
  reviews.sort((a, b) => a.time - b.time);
  const history = [];
  reviews.forEach((review, i) => {
    const delta = i === 0 ? 0 : day(review.time) - day(reviews[i - 1].time);
    history.push([review.rating, delta]);
    if (delta > 0) items.push({ time: review.time, history: history.slice() });
  });
}
items.sort((a, b) => a.time - b.time);
const fsrsItems = () => items.map(it => new FSRSBindingItem(it.history.map(([r, d]) => new FSRSBindingReview(r, d))));

const runs = [];
let parameters;
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  parameters = await computeParameters(fsrsItems(), { enableShortTerm: true, numRelearningSteps: 1 });
  runs.push((performance.now() - start) / 1000);
}
runs.sort((a, b) => a - b);
const result = {
  items: items.length,
  parameters,
  secondsMedianOf5: runs[2],
  fsrsRsEvaluate: {
    defaults: new FSRSBinding().evaluate(fsrsItems()),
    fsrsRs: new FSRSBinding(parameters).evaluate(fsrsItems()),
  },
};
if (process.argv[3]) {
  result.fsrsRsEvaluate.steppe = new FSRSBinding(JSON.parse(readFileSync(process.argv[3], 'utf8')).parameters).evaluate(fsrsItems());
}
console.log(JSON.stringify(result, null, 2));
