// The host's screen (made for a projector): create a game, show the PIN and the lobby, run the questions.
// The server's clock decides; the countdown here only shows the deadline the server sent.
(() => {
  const say = (text) => { $('host-status').textContent = text || ''; };
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/live').withAutomaticReconnect().withStatefulReconnect().build();
  let pin = null, deadline = null, timer = null, locked = false, paused = false;

  const show = (part) => { for (const id of ['lobby', 'question', 'reveal', 'podium']) $(id).hidden = id !== part; };
  const buttons = (phase) => {
    $('start').hidden = phase !== 'lobby';
    $('next').hidden = phase !== 'revealed';
    $('skip').hidden = $('pause').hidden = !(phase === 'open' || phase === 'reading');
    $('lock').hidden = phase === 'ended';
    $('end').hidden = phase === 'ended';
  };
  const invoke = async (method, ...args) => {
    try { say(''); return await connection.invoke(method, ...args); }
    catch (e) { say(e.message.replace(/^.*HubException: /, '')); return null; }
  };

  // The newest names are shown (a projector cannot show thousands); every player is counted.
  const shownNames = 300;
  function lobby(state) {
    $('player-count').textContent = state.players.length;
    $('player-word').textContent = state.players.length === 1 ? 'player' : 'players';
    const newest = state.players.slice(-shownNames);
    $('players').replaceChildren(...newest.map(p => {
      const li = el('li');
      const kick = el('button', 'kick', p.nickname);
      kick.type = 'button';
      kick.title = `Remove ${p.nickname} from the game`;
      kick.setAttribute('aria-label', `Remove ${p.nickname}`);
      kick.addEventListener('click', () => { if (confirm(`Remove ${p.nickname} from the game?`)) invoke('Kick', pin, p.id); });
      li.append(kick);
      return li;
    }));
    if (state.players.length > shownNames) $('players').prepend(el('li', 'more', `and ${state.players.length - shownNames} more`));
  }

  const startCountdown = () => { clearInterval(timer); timer = countdown($('countdown'), deadline); };

  function question(q) {
    show('question'); buttons('open');
    paused = false; $('pause').textContent = 'Pause'; $('paused-banner').hidden = true;
    $('q-number').textContent = `Question ${q.index + 1} of ${q.count}`;
    $('q-prompt').textContent = q.prompt;
    $('answers-in').textContent = '0';
    $('q-picture').replaceChildren(...[picture(q.image)].filter(Boolean));
    const items = q.choices || q.items || [];
    $('q-choices').replaceChildren(...items.map((c, i) => {
      const li = el('li', '', c);
      const image = q.choiceImages ? picture(q.choiceImages[i], 'choice-picture') : null;
      if (image) li.prepend(image);
      return li;
    }));
    deadline = new Date(q.deadline);
    startCountdown();
  }

  // The server's pause: the countdown stops, and starts again from the moved deadline.
  function pausedChanged(state) {
    paused = state.paused;
    $('pause').textContent = paused ? 'Resume' : 'Pause';
    $('paused-banner').hidden = !paused;
    if (paused) clearInterval(timer);
    else { deadline = new Date(state.deadline); startCountdown(); }
  }

  function reveal(r) {
    clearInterval(timer);
    show('reveal'); buttons('revealed');
    $('r-answer').textContent = r.answer;
    $('r-explanation').textContent = r.explanation || '';
    const total = Object.values(r.distribution).reduce((a, b) => a + b, 0) || 1;
    $('r-distribution').replaceChildren(...Object.entries(r.distribution).sort((a, b) => b[1] - a[1]).map(([answer, n]) => {
      const li = el('li');
      li.append(el('span', 'd-label', answer), el('span', 'd-bar'), el('span', 'd-count', String(n)));
      li.querySelector('.d-bar').style.width = `${Math.round(100 * n / total)}%`;
      return li;
    }));
    $('r-top').replaceChildren(...r.top.map(t => el('li', '', `${t.nickname} · ${t.score}`)));
  }

  connection.on('lobby', lobby);
  connection.on('question', question);
  connection.on('answers', (n, of) => { $('answers-in').textContent = `${n} of ${of}`; });
  connection.on('reveal', reveal);
  const podium = (top, gameId) => {
    clearInterval(timer);
    show('podium'); buttons('ended');
    document.querySelector('.join-banner').hidden = true; // no one can join an ended game
    $('podium-list').replaceChildren(...top.map(t => el('li', '', `${t.nickname} · ${t.score}`)));
    $('results-link').href = `/live/games/${gameId}`;
  };
  connection.on('ended', (e) => { podium(e.podium, e.gameId); sessionStorage.removeItem('steppe-host-pin'); });
  connection.on('paused', pausedChanged);

  async function watch() {
    const state = await invoke('Watch', pin);
    if (!state) { sessionStorage.removeItem('steppe-host-pin'); return; }
    $('setup').hidden = true; $('stage').hidden = false;
    $('pin').textContent = state.pin;
    $('join-url').textContent = $('stage').dataset.join.replace(/^https?:\/\//, ''); // the address phones can open
    $('qr').src = `/live/${state.pin}/qr.svg`; $('qr').hidden = false;
    lobby(state.lobby);
    locked = state.locked; // a reload shows the lobby's lock as it is
    $('lock').textContent = locked ? 'Unlock the lobby' : 'Lock the lobby';
    if (state.phase === 'lobby') { show('lobby'); buttons('lobby'); }
    else if (state.phase === 'ended') podium(state.podium, state.gameId);
    else if (state.question && state.phase !== 'revealed') {
      question(state.question); $('answers-in').textContent = String(state.answered);
      if (state.paused) pausedChanged({ paused: true });
    }
    else buttons(state.phase);
  }

  $('create').addEventListener('submit', async (e) => {
    e.preventDefault();
    const created = await connection.invoke('CreateGame', {
      bankId: $('bank').value, secondsPerQuestion: Number($('seconds').value), pointsPerQuestion: Number($('points').value),
      speedScoring: $('speed').checked, streakBonus: $('streak').checked, readingSeconds: Number($('reading').value),
      themes: checked('theme'), questionIds: picked.slice(), shuffle: $('shuffle').checked,
    }).catch(err => { $('create-status').textContent = err.message.replace(/^.*HubException: /, ''); return null; });
    if (!created) return;
    pin = created.pin;
    sessionStorage.setItem('steppe-host-pin', pin); // a reload of this page comes back to the game
    await watch();
  });
  $('start').addEventListener('click', () => invoke('Start', pin));
  $('next').addEventListener('click', () => invoke('Next', pin));
  $('skip').addEventListener('click', () => invoke('Skip', pin));
  $('pause').addEventListener('click', () => invoke(paused ? 'Resume' : 'Pause', pin)); // the 'paused' event updates the screen
  $('lock').addEventListener('click', async () => {
    locked = !locked; await invoke('Lock', pin, locked);
    $('lock').textContent = locked ? 'Unlock the lobby' : 'Lock the lobby';
  });
  $('end').addEventListener('click', () => { if (confirm('End the game for everyone?')) invoke('End', pin); });

  // Which questions: themes, or questions picked one by one (in the order ticked), counted as the host chooses.
  let banks = [], questions = [], picked = [];
  const checked = (name) => [...document.querySelectorAll(`input[name=${name}]:checked`)].map(x => x.value);
  const countChosen = () => {
    const themes = checked('theme');
    // Each ticked question shows its place in the game.
    for (const box of document.querySelectorAll('input[name=question]')) {
      const n = picked.indexOf(box.value);
      box.nextElementSibling.textContent = n < 0 ? '' : `#${n + 1}`;
    }
    const n = questions.filter(q => (picked.length === 0 || picked.includes(q.id)) && (themes.length === 0 || (q.themes || []).some(t => themes.includes(t)))).length;
    $('chosen-count').textContent = n === 0 ? 'No question matches: untick something.' : `${n} question${n === 1 ? '' : 's'} will be asked.`;
    $('open-lobby').disabled = n === 0 || connection.state !== 'Connected';
  };
  async function bankChanged() {
    const bank = banks.find(b => b.id === $('bank').value);
    $('themes').hidden = !bank || bank.themes.length === 0;
    $('theme-list').replaceChildren(...(bank ? bank.themes : []).map(t => {
      const label = el('label'); const box = el('input'); box.type = 'checkbox'; box.name = 'theme'; box.value = t.id;
      box.addEventListener('change', countChosen);
      label.append(box, ` ${t.title} (${t.questionCount})`); return label;
    }));
    picked = [];
    questions = bank ? (await (await fetch(`/api/banks/${encodeURIComponent(bank.id)}`)).json()).questions : [];
    $('question-list').replaceChildren(...questions.map(q => {
      const label = el('label'); const box = el('input'); box.type = 'checkbox'; box.name = 'question'; box.value = q.id;
      const order = el('span', 'pick-order');
      box.addEventListener('change', () => { picked = box.checked ? [...picked, q.id] : picked.filter(id => id !== q.id); countChosen(); });
      label.append(box, order, ` ${q.prompt}`); return label;
    }));
    countChosen();
  }
  $('bank').addEventListener('change', bankChanged);

  (async () => {
    banks = await (await fetch('/api/banks')).json();
    $('bank').replaceChildren(...banks.map(b => { const o = el('option', '', `${b.title} (${b.questionCount} questions)`); o.value = b.id; return o; }));
    const asked = new URLSearchParams(location.search).get('bank'); // "Host this" on a bank's page
    if (asked && banks.some(b => b.id === asked)) $('bank').value = asked;
    await bankChanged();
    await connection.start();
    countChosen(); // the button waits for the connection and for a question to ask
    pin = sessionStorage.getItem('steppe-host-pin');
    if (pin) await watch();
  })();
})();
