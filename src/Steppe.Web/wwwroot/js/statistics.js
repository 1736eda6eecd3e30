// Statistics drawn as plain SVG (no chart library), the optimizer with progress, and exports.
(() => {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const minutes = (s) => s < 60 ? `${s} s` : `${Math.round(s / 60)} min`;

  function heatmap(days) {
    const cell = 11, gap = 2, weeks = Math.ceil(days.length / 7);
    const max = Math.max(1, ...days.map(d => d.count));
    const width = weeks * (cell + gap) + 20, height = 7 * (cell + gap) + 4;
    // Drawn at its natural size (cells stay tappable on a phone); the box scrolls, starting at today.
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
      'aria-label': `${days.reduce((a, d) => a + d.count, 0)} reviews on ${days.filter(d => d.count > 0).length} days of the last year` });
    days.forEach((d, i) => {
      const level = d.count === 0 ? 0 : Math.ceil(4 * d.count / max);
      const rect = svg('rect', { x: Math.floor(i / 7) * (cell + gap), y: (i % 7) * (cell + gap), width: cell, height: cell, rx: 2, class: `heat-${level}` });
      rect.append(svg('title', {}, `${d.date}: ${d.count} reviews`));
      chart.append(rect);
    });
    return chart;
  }

  // Drawn in the box's own pixels, so labels keep their size on a phone; fewer date labels when narrow.
  function bars(items, label, box) {
    const width = Math.max(280, Math.round(box.clientWidth || 600)), height = 160, pad = 24, bw = (width - pad) / items.length;
    const every = width < 480 ? 10 : 5;
    const max = Math.max(1, ...items.map(i => i.count));
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height + 34}`, role: 'img', 'aria-label': label });
    items.forEach((item, i) => {
      const h = (height - 20) * item.count / max;
      const bar = svg('rect', { x: pad + i * bw + 1, y: height - h, width: Math.max(1, bw - 2), height: h, class: 'bar' });
      bar.append(svg('title', {}, `${item.date ?? item.label}: ${item.count}`));
      chart.append(bar);
      // Named bars too narrow for their names get them on two alternating lines.
      const y = height + 14 + (item.label && bw < 75 && i % 2 === 1 ? 14 : 0);
      if (item.label || i % every === 0) chart.append(svg('text', { x: pad + i * bw + bw / 2, y, 'text-anchor': 'middle', class: 'axis' }, item.label ?? item.date.slice(5)));
      if (item.count > 0 && items.length <= 10) chart.append(svg('text', { x: pad + i * bw + bw / 2, y: height - h - 4, 'text-anchor': 'middle', class: 'value' }, String(item.count)));
    });
    chart.append(svg('text', { x: 0, y: 12, class: 'axis' }, String(max)));
    return chart;
  }

  async function load() {
    const response = await fetch('/api/statistics');
    if (response.status === 401) { location.assign('/signin?returnUrl=/statistics'); return; }
    const s = await response.json();
    $('total-reviews').textContent = s.totalReviews;
    $('retention').textContent = s.trueRetention30Days.rate === null ? 'no reviews yet'
      : `${(100 * s.trueRetention30Days.rate).toFixed(1)} % (${s.trueRetention30Days.passed} of ${s.trueRetention30Days.reviews})`;
    $('time-today').textContent = minutes(s.time.todaySeconds);
    $('time-month').textContent = minutes(s.time.last30DaysSeconds);
    $('heatmap').replaceChildren(heatmap(s.reviewsPerDay));
    $('heatmap').scrollLeft = $('heatmap').scrollWidth;
    $('due').replaceChildren(bars(s.dueNext30Days, 'Cards due on each of the next 30 days', $('due')));
    const c = s.cards;
    $('states').replaceChildren(bars([
      { label: 'New', count: c.new }, { label: 'Learning', count: c.learning }, { label: 'Review', count: c.review },
      { label: 'Relearning', count: c.relearning }, { label: 'Suspended', count: c.suspended }], 'Cards by state', $('states')));
  }

  async function readiness() {
    const r = await (await fetch('/api/study/optimize')).json();
    $('optimize-readiness').textContent = r.ready
      ? `You have ${r.crossDayReviews} reviews on later days: enough to fit the scheduler to your memory.`
      : `The optimizer needs ${r.needed} reviews of cards on a later day than you last saw them; you have ${r.crossDayReviews}. Until then Steppe uses FSRS's defaults.`;
    $('optimize').hidden = !r.ready;
  }

  let fitted = null;
  $('optimize').addEventListener('click', async () => {
    $('optimize').disabled = true;
    $('optimize-progress').hidden = false;
    $('optimize-result').textContent = 'Fitting your parameters…';
    const start = await fetch('/api/study/optimize', { method: 'POST' });
    const where = start.headers.get('Location');
    for (;;) {
      await new Promise(r => setTimeout(r, 250));
      const status = await (await fetch(where)).json();
      $('optimize-progress').value = status.progress;
      if (!status.done) continue;
      $('optimize').disabled = false;
      if (status.error || !status.result) { $('optimize-result').textContent = `The optimizer stopped: ${status.error}`; return; }
      const r = status.result;
      fitted = r.parameters;
      const better = r.logLossAfter < r.logLossBefore;
      $('optimize-result').textContent = `On your ${r.reviews} reviews, prediction error (log loss) goes from ${r.logLossBefore.toFixed(4)} to ${r.logLossAfter.toFixed(4)}`
        + ` and calibration error (RMSE) from ${(100 * r.rmseBinsBefore).toFixed(2)} % to ${(100 * r.rmseBinsAfter).toFixed(2)} %.`
        + (better ? ' Use them to schedule by your own memory.' : ' Your current parameters predict as well; nothing to change.');
      $('optimize-apply').hidden = !better;
      return;
    }
  });
  $('optimize-apply').addEventListener('click', async () => {
    const response = await fetch('/api/study/parameters', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ parameters: fitted }) });
    $('optimize-result').textContent = response.ok ? 'Your parameters are in use from your next card on.' : 'They could not be saved; try again.';
    $('optimize-apply').hidden = response.ok;
  });

  async function exports() {
    const decks = await (await fetch('/api/decks')).json();
    $('deck-exports').replaceChildren(...decks.map(d => {
      const li = el('li'); const a = el('a', '', `Download “${d.title}” as a bank (JSON)`);
      a.href = `/api/export/decks/${d.id}`; a.setAttribute('download', '');
      li.append(a); return li;
    }));
  }

  load(); readiness(); exports();
})();
