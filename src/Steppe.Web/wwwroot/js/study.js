// The study page: one card at a time from /api/study/next, graded by /api/study/check, rated with
// /api/study/reviews (a fresh client id per answer, so a retry is stored once). Keyboard: Space or Enter
// reveals and submits, 1-4 rate, Ctrl+Z undoes the last rating.
(() => {
  const uuid = () => (crypto.randomUUID ? crypto.randomUUID()
    : ([1e7] + -1e3 + -4e3 + -8e3 + -1e11).replace(/[018]/g, c => (c ^ crypto.getRandomValues(new Uint8Array(1))[0] & 15 >> c / 4).toString(16)));
  const post = (url, body) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const say = (text, isError) => { const s = $('study-status'); s.textContent = text || ''; s.classList.toggle('error', !!isError); };

  let card = null;        // the card shown
  let revealed = false;
  let correct = false;
  let shownAt = 0;
  let order = [];         // the learner's order for ordering questions
  let picked = null;      // a chosen option before checking
  let shownCount = 0;

  let loadTicket = 0;      // only the latest of overlapping loads is shown
  async function load() {
    say('');
    const ticket = ++loadTicket;
    const response = await fetch('/api/study/next');
    if (response.status === 401) { location.assign('/signin?returnUrl=/study'); return; }
    const next = await response.json();
    if (ticket !== loadTicket) return; // a newer load (after adding a deck, say) has started
    $('count-new').textContent = next.counts.new;
    $('count-learning').textContent = next.counts.learning;
    $('count-review').textContent = next.counts.review;
    card = next.card;
    if (!card) {
      $('card').hidden = true;
      $('done').hidden = false;
      $('done-detail').textContent = next.nextDue
        ? `The next card in its learning steps is due at ${new Date(next.nextDue).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`
        : 'Add a bank below, or come back tomorrow for your reviews.';
      return;
    }
    $('done').hidden = true;
    show();
  }

  function show() {
    const q = card.question;
    revealed = false; correct = false; picked = null; shownAt = performance.now();
    $('card').hidden = false;
    $('card').dataset.type = q.type;
    $('card').dataset.shown = String(++shownCount); // lets tests and tools tell one showing from the next
    $('card-deck').textContent = card.deckTitle;
    $('card-leech').hidden = !card.leech;
    $('card-changed').hidden = !card.answerChangedAt;
    $('card-changed').textContent = card.answerChangedAt
      ? `The author changed this question's answer on ${new Date(card.answerChangedAt).toLocaleDateString()}: learn it again.` : '';
    $('card-prompt').textContent = q.prompt;
    $('card-picture').replaceChildren(...[picture(q.image)].filter(Boolean));
    $('card-reveal').hidden = true;
    const input = $('card-input');
    input.replaceChildren();
    if (q.type === 'multiple-choice' || q.type === 'true-false') {
      const options = q.type === 'true-false' ? [['True', true], ['False', false]] : q.choices.map(c => [c, c]);
      const box = el('div', 'choice-buttons');
      options.forEach(([label, value], i) => {
        const b = el('button', '', `${i + 1}. ${label}`);
        b.type = 'button';
        const image = q.type === 'multiple-choice' && q.choiceImages ? picture(q.choiceImages[i], 'choice-picture') : null;
        if (image) b.prepend(image);
        b.dataset.value = String(value);
        b.addEventListener('click', () => check(q.type === 'true-false' ? { choice: value } : { text: value }, b));
        box.append(b);
      });
      input.append(box);
      $('card').focus(); // not a choice: Space on a focused choice would answer with it instead of revealing
    } else if (q.type === 'ordering') {
      order = shuffled(q.answer, card.id);
      const list = el('ol', 'order-list');
      list.id = 'order-list';
      input.append(list, button('Check the order', () => check({ order })));
      drawOrder();
      $('card').focus();
    } else {
      const box = el('div', 'answer-box');
      const field = el('input');
      field.id = 'answer';
      field.autocomplete = 'off';
      field.setAttribute('aria-label', q.type === 'numeric' ? 'Your number' : 'Your answer');
      if (q.type === 'numeric') field.inputMode = 'decimal';
      field.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); check({ text: field.value }); } });
      box.append(field);
      if (q.unit) box.append(el('span', 'unit', q.unit));
      box.append(button('Check', () => check({ text: field.value })));
      input.append(box);
      field.focus();
    }
  }

  const button = (label, onClick) => { const b = el('button', '', label); b.type = 'button'; b.addEventListener('click', onClick); return b; };

  // The same card shows its items in the same shuffled order every time (seeded by its id).
  function shuffled(items, seed) {
    const result = items.slice();
    let s = seed % 2147483647 || 1;
    for (let i = result.length - 1; i > 0; i--) {
      s = (s * 16807) % 2147483647;
      const j = s % (i + 1);
      [result[i], result[j]] = [result[j], result[i]];
    }
    if (result.every((x, i) => x === items[i]) && result.length > 1) result.push(result.shift());
    return result;
  }

  function drawOrder() {
    const list = $('order-list');
    list.replaceChildren();
    order.forEach((item, i) => {
      const li = el('li');
      li.append(el('span', '', item));
      const up = button('↑', () => { if (i > 0) { [order[i - 1], order[i]] = [order[i], order[i - 1]]; drawOrder(); } });
      up.setAttribute('aria-label', `Move “${item}” up`);
      const down = button('↓', () => { if (i < order.length - 1) { [order[i + 1], order[i]] = [order[i], order[i + 1]]; drawOrder(); } });
      down.setAttribute('aria-label', `Move “${item}” down`);
      li.append(up, down);
      list.append(li);
    });
  }

  async function check(answer, pressed) {
    if (revealed || !card) return;
    const response = await post('/api/study/check', { cardId: card.id, ...answer });
    if (!response.ok) { say('The answer could not be checked; try again.', true); return; }
    const result = await response.json();
    reveal(result.correct, result.answer, pressed);
  }

  function reveal(isCorrect, answerText, pressed) {
    const q = card.question;
    revealed = true;
    correct = isCorrect;
    for (const b of document.querySelectorAll('.choice-buttons button')) {
      b.disabled = true;
      const value = b.dataset.value;
      const right = q.type === 'true-false' ? value === String(q.answer) : value === q.answer;
      if (right) b.classList.add('right');
      else if (b === pressed) b.classList.add('wrong');
    }
    const verdict = $('card-verdict');
    verdict.textContent = isCorrect ? 'Right.' : (pressed === null ? 'Shown without an answer.' : 'Not quite.');
    verdict.className = `verdict ${isCorrect ? 'right' : pressed === null ? '' : 'wrong'}`;
    $('card-answer').textContent = q.type === 'true-false' && !q.answer && q.correction ? `False. ${q.correction}` : `Answer: ${answerText}`;
    $('card-explanation').textContent = q.explanation || '';
    $('card-source').textContent = q.source ? q.source.text : '';
    $('card-source').hidden = !q.source;
    const ratings = $('ratings');
    ratings.replaceChildren();
    const suggested = isCorrect ? 3 : 1;
    for (const b of card.buttons) {
      const rate = el('button', b.label.toLowerCase());
      rate.type = 'button';
      rate.append(el('span', '', `${b.rating}. ${b.label}`), el('small', '', b.interval));
      if (b.rating === suggested) rate.classList.add('suggested');
      rate.addEventListener('click', () => rateCard(b.rating));
      ratings.append(rate);
    }
    $('card-reveal').hidden = false;
    ratings.querySelector('.suggested').focus();
  }

  async function rateCard(rating) {
    if (!card || !revealed) return;
    const body = { clientId: uuid(), cardId: card.id, version: card.version, rating, durationMs: Math.round(performance.now() - shownAt) };
    for (const b of document.querySelectorAll('#ratings button')) b.disabled = true;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const response = await post('/api/study/reviews', body); // same client id on a retry: stored once
        if (response.status === 409) say('This card changed in another window; here is the next one.');
        await load();
        return;
      } catch {
        say('Connection lost; trying again…', true);
        await new Promise(r => setTimeout(r, 1000 * (attempt + 1)));
      }
    }
    say('Your answer could not be saved. Check the connection and press the button again.', true);
    for (const b of document.querySelectorAll('#ratings button')) b.disabled = false;
  }

  async function undo() {
    const response = await post('/api/study/undo');
    say(response.ok ? 'Last answer undone.' : 'Nothing to undo.', !response.ok);
    if (response.ok) await load().then(() => say('Last answer undone.'));
  }

  $('undo').addEventListener('click', undo);
  $('bury').addEventListener('click', async () => { if (card) { await post(`/api/cards/${card.id}/bury`); await load(); } });
  $('suspend').addEventListener('click', async () => { if (card) { await post(`/api/cards/${card.id}/suspend`); await load(); } });

  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') { e.preventDefault(); undo(); return; }
    if (!card || e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT') return;
    if (revealed && ['1', '2', '3', '4'].includes(e.key)) { e.preventDefault(); rateCard(Number(e.key)); return; }
    if (!revealed && (e.key === ' ' || e.key === 'Enter') && e.target.tagName !== 'BUTTON') {
      e.preventDefault();
      const q = card.question;
      if (q.type === 'ordering') check({ order }); else check({ text: '' }, null); // reveal without an answer
    }
    if (!revealed && ['1', '2', '3', '4', '5', '6'].includes(e.key)) {
      const option = document.querySelectorAll('.choice-buttons button')[Number(e.key) - 1];
      if (option) { e.preventDefault(); option.click(); }
    }
  });

  // ---- settings ----
  const settingFields = ['desiredRetention', 'newCardsPerDay', 'maxReviewsPerDay', 'learningSteps', 'relearningSteps', 'timeZone', 'dayStartHour'];
  const numericSettings = new Set(['desiredRetention', 'newCardsPerDay', 'maxReviewsPerDay', 'dayStartHour']);
  async function loadSettings() {
    const response = await fetch('/api/study/settings');
    if (!response.ok) return;
    const settings = await response.json();
    for (const f of settingFields) $(f).value = settings[f];
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    $('timeZone-hint').textContent = browserZone && browserZone !== settings.timeZone ? `Your device says ${browserZone}.` : '';
    if (Intl.supportedValuesOf) {
      $('time-zones').replaceChildren(...Intl.supportedValuesOf('timeZone').map(z => { const o = el('option'); o.value = z; return o; }));
    }
  }
  $('settings').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {};
    for (const f of settingFields) {
      body[f] = numericSettings.has(f) ? Number($(f).value) : $(f).value.trim();
      $(`${f}-error`).textContent = '';
      $(f).removeAttribute('aria-invalid');
    }
    const response = await fetch('/api/study/settings', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const status = $('settings-status');
    if (response.ok) {
      const saved = await response.json();
      for (const f of settingFields) $(f).value = saved[f];
      status.textContent = 'Saved.';
      await load();
      return;
    }
    const problem = await response.json().catch(() => ({}));
    status.textContent = problem.errors ? 'Not saved: see the fields marked below.' : (problem.detail || problem.title || 'Not saved.');
    for (const [field, messages] of Object.entries(problem.errors || {})) {
      const name = settingFields.find(f => f.toLowerCase() === field.toLowerCase());
      if (!name) continue;
      $(`${name}-error`).textContent = messages.join(' ');
      $(name).setAttribute('aria-invalid', 'true');
      $(name).setAttribute('aria-describedby', `${name}-error`);
    }
  });

  // ---- decks ----
  async function loadDecks() {
    const decks = await (await fetch('/api/decks')).json();
    const list = $('decks');
    list.replaceChildren(...decks.map(d => el('li', '', `${d.title}: ${d.cards} cards${d.suspended ? `, ${d.suspended} suspended` : ''}${d.leeches ? `, ${d.leeches} leeches` : ''}`)));
    if (decks.length === 0) list.append(el('li', '', 'No decks yet: add a bank below.'));
    const banks = await (await fetch('/api/banks')).json();
    const select = $('bank');
    select.replaceChildren(...banks.map(b => { const o = el('option', '', `${b.title} (${b.questionCount} questions)`); o.value = b.id; return o; }));
    // "Study this" on a bank's page opens /study?bank=ID (and &key= for a bank shared by link, which no list shows).
    const asked = new URLSearchParams(location.search);
    if (asked.get('bank') && !banks.some(b => b.id === asked.get('bank')) && asked.get('key')) {
      const o = el('option', '', asked.get('title') || asked.get('bank')); o.value = asked.get('bank'); select.append(o);
    }
    if (asked.get('bank')) select.value = asked.get('bank');
    const drawThemes = () => {
      const bank = banks.find(b => b.id === select.value);
      const themes = bank ? bank.themes : [];
      $('themes').hidden = themes.length === 0;
      $('theme-list').replaceChildren(...themes.map(t => {
        const label = el('label');
        const box = el('input');
        box.type = 'checkbox'; box.name = 'theme'; box.value = t.id;
        label.append(box, ` ${t.title} (${t.questionCount})`);
        return label;
      }));
    };
    select.onchange = drawThemes;
    drawThemes();
  }

  $('add-deck').addEventListener('submit', async (e) => {
    e.preventDefault();
    const themes = [...document.querySelectorAll('input[name=theme]:checked')].map(x => x.value);
    const asked = new URLSearchParams(location.search);
    const key = asked.get('bank') === $('bank').value ? asked.get('key') : null;
    const response = await post('/api/decks', { bankId: $('bank').value, themes, key });
    const status = $('deck-status');
    status.textContent = response.ok ? 'Added.' : 'That bank could not be added.';
    status.classList.toggle('error', !response.ok);
    await loadDecks();
    await load();
  });

  // "Study this" on a bank's page: the bank is added to the learner's decks (once) and studied at once.
  async function studyAsked() {
    const asked = new URLSearchParams(location.search);
    const bankId = asked.get('bank');
    if (!bankId) return;
    const decks = await (await fetch('/api/decks')).json();
    if (decks.some(d => d.bankId === bankId)) return;
    const response = await post('/api/decks', { bankId, themes: [], key: asked.get('key') });
    const status = $('deck-status');
    status.textContent = response.ok ? 'Added to your decks: its cards come up now, new ones first in bank order.' : 'That bank could not be added.';
    status.classList.toggle('error', !response.ok);
  }

  studyAsked().then(() => { load(); loadDecks(); });
  loadSettings();
})();
