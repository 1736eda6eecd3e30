// A player's phone: join with the PIN and a nickname, answer with big buttons, see how it went.
// The rejoin token from the first join is kept in this browser, so a sleeping phone comes back as the same player.
(() => {
  const message = (e) => e.message.replace(/^.*HubException: /, '');
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/live').withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000]).withStatefulReconnect().build();
  let pin = null, token = null, deadline = null, timer = null, current = null, revealedIndex = -1, summary = null;

  const answersEnabled = (on) => { for (const b of document.querySelectorAll('#answer-area button, #answer-area input')) b.disabled = !on; };
  const startCountdown = () => { clearInterval(timer); timer = countdown($('countdown'), deadline); };
  const feedback = (text, kind) => { const f = $('feedback'); f.hidden = !text; f.textContent = text || ''; f.className = `feedback ${kind || ''}`; };

  function entered(joined) {
    token = joined.rejoinToken;
    localStorage.setItem('steppe-play', JSON.stringify({ pin, token }));
    $('join').hidden = true; $('game').hidden = false;
    $('me-name').textContent = joined.nickname;
    $('me-score').textContent = joined.score;
  }

  async function answer(given) {
    answersEnabled(false);
    try {
      const ack = await connection.invoke('Answer', pin, given);
      if (revealedIndex === current.index) return; // the last answer in: the result came before this acknowledgement
      feedback(ack.status === 'Accepted' ? 'Answer in. Wait for the others…' : ack.status === 'TooLate' ? 'Too late for this one.' : 'Answers are closed.', '');
    } catch (e) { feedback(message(e), 'wrong'); }
  }

  function question(q) {
    current = q;
    $('waiting').hidden = true; $('question').hidden = false; feedback('');
    $('q-number').textContent = `Question ${q.index + 1} of ${q.count}`;
    $('q-prompt').textContent = q.prompt;
    $('q-picture').replaceChildren(...[picture(q.image)].filter(Boolean));
    const area = $('answer-area');
    area.replaceChildren();
    // A big button sends what `given()` makes at the moment it is pressed (the order as arranged, the text typed).
    const big = (label, given, i) => { const b = el('button', `big-answer a${i % 4}`, label); b.type = 'button'; b.addEventListener('click', () => { b.classList.add('picked'); answer(given()); }); return b; };
    // A choice's button says which answer it is, so that the reveal can mark the right one.
    const choice = (label, given, i) => { const b = big(label, given, i); b.dataset.answer = label; return b; };
    if (q.type === 'MultipleChoice') {
      q.choices.forEach((c, i) => {
        const b = choice(c, () => ({ text: c }), i);
        const image = q.choiceImages ? picture(q.choiceImages[i], 'choice-picture') : null;
        if (image) b.prepend(image);
        area.append(b);
      });
    }
    else if (q.type === 'TrueFalse') { area.append(choice('True', () => ({ choice: true }), 0), choice('False', () => ({ choice: false }), 1)); }
    else if (q.type === 'Ordering') {
      let order = q.items.slice();
      const list = el('ol', 'order-list');
      const draw = () => list.replaceChildren(...order.map((item, i) => {
        const li = el('li'); li.append(el('span', '', item));
        const up = el('button', '', '↑'); up.type = 'button'; up.setAttribute('aria-label', `Move “${item}” up`);
        up.addEventListener('click', () => { if (i > 0) { [order[i - 1], order[i]] = [order[i], order[i - 1]]; draw(); } });
        li.append(up); return li;
      }));
      draw();
      area.append(list, big('Send this order', () => ({ order }), 2));
    } else {
      const field = el('input', 'big-input'); field.setAttribute('aria-label', 'Your answer'); field.autocomplete = 'off';
      if (q.type === 'Numeric') field.inputMode = 'decimal';
      const send = big('Send', () => ({ text: field.value }), 2);
      field.addEventListener('keydown', (e) => { if (e.key === 'Enter') answer({ text: field.value }); });
      area.append(field, q.unit ? el('span', 'unit', q.unit) : '', send);
      field.focus();
    }
    deadline = new Date(q.deadline);
    clearInterval(timer);
    if (q.open) startCountdown();
    else { // reading time: the server's 'open' event unlocks the answers
      answersEnabled(false);
      $('countdown').textContent = 'Read the question…';
    }
  }

  connection.on('open', (index) => {
    if (!current || current.index !== index) return;
    answersEnabled(true);
    startCountdown();
  });

  connection.on('question', question);
  // The host paused: the countdown stops here too, and restarts from the server's new deadline.
  connection.on('paused', (state) => {
    if (!current) return;
    clearInterval(timer);
    if (state.paused) { answersEnabled(false); $('countdown').textContent = 'Paused'; return; }
    deadline = new Date(state.deadline);
    if (new Date(state.opensAt) <= Date.now()) { answersEnabled(true); startCountdown(); }
    else $('countdown').textContent = 'Read the question…';
  });
  // The reveal: the right choice is marked (and the player's own pick stays outlined), the others fade.
  connection.on('reveal', (r) => {
    if (current && r.index !== current.index) return;
    revealedIndex = r.index; clearInterval(timer); answersEnabled(false);
    $('countdown').textContent = `Right answer: ${r.answer}`;
    for (const b of $('answer-area').querySelectorAll('button[data-answer]')) {
      const right = b.dataset.answer === r.answer;
      b.classList.add(right ? 'right' : 'not-right');
      if (right) b.setAttribute('aria-label', `${b.dataset.answer}: the right answer`);
    }
  });
  connection.on('you', (me) => {
    $('me-score').textContent = me.score;
    feedback(!me.answered ? `No answer this time. You are number ${me.rank}.`
      : me.correct ? `Right! +${me.points} points. You are number ${me.rank}${me.streak > 1 ? ` · streak ${me.streak}` : ''}.`
      : `Not this time. You are number ${me.rank}.`, me.correct ? 'right' : 'wrong');
  });
  connection.on('ended', (e) => {
    clearInterval(timer);
    $('question').hidden = true; $('waiting').hidden = true;
    feedback('');
    $('summary').hidden = false;
    $('summary-podium').textContent = `Podium: ${e.podium.map((t, i) => `${i + 1}. ${t.nickname} (${t.score})`).join(' · ')}`;
    // The token stays in this browser: a reload (to sign in, say) brings the summary back while the server
    // keeps the game; "Play another game" forgets it.
  });
  $('another-game').addEventListener('click', () => localStorage.removeItem('steppe-play'));
  // This player's own end of game: place, score, and the questions missed, which a signed-in player can keep.
  connection.on('summary', (s) => {
    summary = s;
    $('summary').hidden = false;
    $('summary-place').textContent = `You are number ${s.rank} of ${s.players} with ${s.score} points: ${s.correct} of ${s.asked} right.`;
    $('missed-part').hidden = s.missed.length === 0;
    $('missed-title').textContent = `You missed ${s.missed.length}:`;
    $('missed-list').replaceChildren(...s.missed.map(m => {
      const li = el('li');
      li.append(el('strong', '', m.prompt), el('br'), `Answer: ${m.answer}`);
      if (m.given) li.append(el('br'), el('span', 'given', `You said: ${m.given}`));
      return li;
    }));
  });
  $('keep-missed').addEventListener('click', async () => {
    const status = $('keep-status');
    const response = await fetch(`/api/live/games/${summary.gameId}/keep-missed`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ rejoinToken: token }),
    });
    status.replaceChildren();
    if (response.status === 401) {
      const link = el('a', '', 'Sign in (opens a new tab)'); link.href = '/signin'; link.target = '_blank';
      status.append(link, ', then press the button again.');
      return;
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { status.textContent = body.detail || 'That did not work; try again.'; return; }
    $('keep-missed').disabled = true;
    status.append(body.added === 0 ? `They were already in your deck “${body.deckTitle}”. ` : `Added ${body.added} to your deck “${body.deckTitle}”. `);
    const study = el('a', '', 'Study them now'); study.href = '/study'; status.append(study);
  });
  // The same player joined from another tab or device: this one says so and stops listening.
  connection.on('replaced', (text) => {
    $('game').hidden = true; $('join').hidden = false; $('join-error').textContent = text;
    connection.stop();
  });
  connection.on('kicked', () => { localStorage.removeItem('steppe-play'); $('game').hidden = true; $('join').hidden = false; $('join-error').textContent = 'The host removed you from the game.'; });
  connection.onreconnected(async () => {
    const saved = JSON.parse(localStorage.getItem('steppe-play') || 'null');
    if (saved) { try { entered(await connection.invoke('Rejoin', saved.pin, saved.token)); } catch { /* the game is gone */ } }
  });

  $('suggest').addEventListener('click', async () => {
    const p = $('pin').value.trim();
    try { $('nickname').value = await connection.invoke('Suggest', p); $('join-error').textContent = ''; }
    catch (e) { $('join-error').textContent = message(e); }
  });
  $('join').addEventListener('submit', async (e) => {
    e.preventDefault();
    pin = $('pin').value.trim();
    if (!/^[0-9]{6}$/.test(pin)) { $('join-error').textContent = 'The PIN is the 6 digits on the big screen.'; return; }
    try { entered(await connection.invoke('Join', pin, $('nickname').value)); $('join-error').textContent = ''; }
    catch (err) { $('join-error').textContent = message(err); }
  });

  (async () => {
    // The buttons wait for the connection: a click before it is up would only fail.
    for (let attempt = 0; ; attempt++) {
      try { await connection.start(); break; }
      catch { $('connection-status').textContent = 'Cannot reach Steppe; trying again…'; await new Promise(r => setTimeout(r, Math.min(10000, 1000 * (attempt + 1)))); }
    }
    $('connection-status').textContent = '';
    $('join-button').disabled = false; $('suggest').disabled = false;
    const saved = JSON.parse(localStorage.getItem('steppe-play') || 'null');
    const fromUrl = new URLSearchParams(location.search).get('pin');
    if (fromUrl) $('pin').value = fromUrl;
    if (saved && (!fromUrl || fromUrl === saved.pin)) {
      try { pin = saved.pin; token = saved.token; entered(await connection.invoke('Rejoin', saved.pin, saved.token)); }
      catch { localStorage.removeItem('steppe-play'); }
    }
  })();
})();
