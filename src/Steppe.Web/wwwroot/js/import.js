// The import page: another tool's file or pasted text, previewed by the server (what it found, what it could not
// convert, line by line), then saved as a new private bank, or handed to the editor to look over first.
(() => {
  let preview = null;
  const form = $('import-form');
  const formatOf = () => new FormData(form).get('format');
  const binary = () => formatOf() === 'anki' || formatOf() === 'kahoot';
  const showOptions = () => {
    $('text-options').hidden = formatOf() !== 'text';
    $('paste').hidden = binary();
    $('history-option').hidden = formatOf() !== 'anki';
  };
  form.querySelectorAll('input[name=format]').forEach(r => r.addEventListener('change', showOptions));
  $('between').addEventListener('change', () => { $('between-custom').hidden = $('between').value !== 'custom'; });
  $('import-file').addEventListener('change', () => {
    const file = $('import-file').files[0];
    if (!file) return;
    if (/\.gift$/i.test(file.name)) { $('format-gift').checked = true; showOptions(); }
    if (/\.(apkg|colpkg)$/i.test(file.name)) { $('format-anki').checked = true; showOptions(); }
    if (/\.xlsx$/i.test(file.name)) { $('format-kahoot').checked = true; showOptions(); }
    if (/\.csv$/i.test(file.name)) { $('format-csv').checked = true; showOptions(); }
    if (!$('import-title').value) $('import-title').value = file.name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');
  });
  showOptions();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const status = $('import-status');
    status.classList.remove('error');
    $('import-problems').replaceChildren();
    const file = $('import-file').files[0];
    const most = formatOf() === 'anki' ? 25 : 5;
    if (file && file.size > most * 1024 * 1024) { status.textContent = `The file is larger than ${most} MB.`; status.classList.add('error'); return; }
    if (!file && binary()) { status.textContent = `Choose the ${formatOf() === 'anki' ? '.apkg file exported from Anki' : '.xlsx spreadsheet'}.`; status.classList.add('error'); return; }
    const body = file ? await file.arrayBuffer() : $('import-text').value;
    if (!file && !body.trim()) { status.textContent = 'Choose a file or paste the text first.'; status.classList.add('error'); return; }
    const query = new URLSearchParams({ format: formatOf(), title: $('import-title').value.trim() });
    if (formatOf() === 'text') {
      query.set('between', $('between').value === 'custom' ? $('between-custom').value : $('between').value);
      query.set('cards', $('cards').value);
      if ($('ask-definition').checked) query.set('ask', 'definition');
    }
    status.textContent = 'Reading…';
    const type = binary() ? 'application/octet-stream' : 'text/plain; charset=utf-8';
    const response = await fetch(`/api/import/preview?${query}`, { method: 'POST', headers: { 'Content-Type': type }, body });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      status.textContent = problem.detail || problem.title || `The server answered ${response.status}.`;
      status.classList.add('error');
      $('import-problems').replaceChildren(...Object.entries(problem.errors || {}).flatMap(([k, ms]) => ms.map(m => el('li', '', `${k}: ${m}`))));
      return;
    }
    preview = await response.json();
    status.textContent = '';
    const n = preview.found.length;
    $('import-summary').textContent = `Found ${n} question${n === 1 ? '' : 's'}; ${preview.notConverted.length} item${preview.notConverted.length === 1 ? '' : 's'} not converted.`;
    const unit = { note: 'Note', row: 'Row' }[preview.unit] || 'Line';
    $('unit-head').textContent = unit;
    $('import-warnings').replaceChildren(...preview.warnings.map(w => el('li', '', w)));
    $('not-converted').replaceChildren(...(preview.notConverted.length ? preview.notConverted.map(x => el('li', '', `${unit} ${x.line}: ${x.reason} — “${x.text}”`)) : [el('li', '', 'Nothing: every item was converted.')]));
    $('found').replaceChildren(...preview.found.map(f => {
      const row = el('tr');
      const type = { 'multiple-choice': 'Multiple choice', 'true-false': 'True or false', cloze: 'Fill in the blank', 'short-answer': 'Short answer', numeric: 'Number', ordering: 'Put in order' }[f.type] || f.type;
      row.append(el('td', '', String(f.line)), el('td', '', type), el('td', '', f.prompt), el('td', '', f.answer));
      return row;
    }));
    $('import-save').disabled = n === 0;
    $('import-edit').disabled = n === 0;
    $('import-result').hidden = false;
    $('import-summary').focus();
  });

  $('import-save').addEventListener('click', async () => {
    const status = $('save-status');
    const response = await fetch('/api/banks', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(preview.bank) });
    if (response.status === 201) {
      const saved = await response.json();
      const file = $('import-file').files[0];
      if (formatOf() === 'anki' && $('with-history').checked && file) {
        status.textContent = 'Saved. Bringing your review history…';
        const history = await fetch(`/api/import/anki-history?bank=${encodeURIComponent(saved.bank.id)}`,
          { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: await file.arrayBuffer() });
        if (!history.ok) {
          status.textContent = `Saved “${saved.bank.title}”, but the review history could not be brought in (the server answered ${history.status}).`;
          return;
        }
        const h = await history.json();
        status.textContent = `Saved, with ${h.reviews} of your Anki answers on ${h.cards} cards: they are in your flashcards now.`;
        setTimeout(() => { location.href = `/banks/${encodeURIComponent(saved.bank.id)}`; }, 1500);
        return;
      }
      location.href = `/banks/${encodeURIComponent(saved.bank.id)}`;
      return;
    }
    const problem = await response.json().catch(() => ({}));
    status.textContent = problem.detail || problem.title || `The server answered ${response.status}.`;
    status.classList.add('error');
  });
  $('import-edit').addEventListener('click', () => {
    sessionStorage.setItem('steppe-import', JSON.stringify(preview.bank));
    location.href = '/banks/new?from=import';
  });
})();
