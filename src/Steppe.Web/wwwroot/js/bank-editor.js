// The bank editor (/banks/new, /banks/{id}/edit): one bank, shown in the form view (bank-editor-form.js) or the
// JSON view (CodeMirror, from /lib/codemirror), checked by the server's validator as it is edited, and saved whole
// through the bank API (POST for a new bank, PUT for a new version). Problems are shown where they are: next to
// their field in the form, underlined at their line and column in the JSON view.
(async () => {
  const page = $('editor');
  const existing = page.dataset.bankId || null;
  const status = $('save-status');
  let bank;
  let jsonText = null; // the JSON view's text while it is shown (it may not parse)
  let dirty = false;
  let editor = null;

  if (existing) {
    bank = await (await fetch(`/api/banks/${encodeURIComponent(existing)}`)).json();
  } else if (new URLSearchParams(location.search).get('from') === 'import' && sessionStorage.getItem('steppe-import')) {
    bank = JSON.parse(sessionStorage.getItem('steppe-import')); // from the import page, not saved yet
    sessionStorage.removeItem('steppe-import');
  } else {
    bank = { format: 1, id: 'my-bank', title: '', questions: [] };
    bank.questions.push(BankForm.blank('multiple-choice', bank));
  }
  const schema = await (await fetch('/api/editor/schema')).json();

  const textOf = () => (jsonText !== null ? jsonText : JSON.stringify(bank, null, 2));

  // ---- checking as it is edited ----
  let checkTimer = 0;
  let lastProblems = [];
  async function check(text) {
    const response = await fetch('/api/editor/check', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
    if (!response.ok) return [{ path: '$', message: `cannot be checked now (the server answered ${response.status})`, line: 1, column: 1 }];
    return response.json();
  }
  let checks = 0; // a check's answer that a later edit has outdated is dropped
  function changed() {
    dirty = true;
    status.textContent = 'Not saved yet.';
    clearTimeout(checkTimer);
    if (jsonText === null) {
      checkTimer = setTimeout(async () => {
        const mine = ++checks;
        const problems = await check(textOf());
        if (mine === checks && jsonText === null) showProblems(problems);
      }, 700);
    }
  }

  /** Puts each problem next to its field (the deepest element whose data-path is a prefix of the problem's). */
  function showProblems(problems) {
    lastProblems = problems;
    document.querySelectorAll('#form-view .field-error').forEach(e => { e.textContent = ''; });
    const targets = [...document.querySelectorAll('#form-view [data-path]')];
    let unplaced = 0;
    for (const p of problems) {
      const target = targets.filter(t => p.path === t.dataset.path || p.path.startsWith(`${t.dataset.path}.`) || p.path.startsWith(`${t.dataset.path}[`))
        .sort((a, b) => b.dataset.path.length - a.dataset.path.length)[0];
      const box = target && (target.classList.contains('field-error') ? target : target.querySelector(':scope > .field-error'));
      // At its own field the message says enough; at a wider place (a question, a list) the path says which part.
      const text = target && p.path === target.dataset.path ? p.message : `${p.path}: ${p.message}`;
      if (box) box.textContent = [box.textContent, text].filter(Boolean).join(' · ');
      else unplaced++;
    }
    const summary = $('problem-summary');
    summary.textContent = problems.length === 0 ? '' : `${problems.length} problem${problems.length === 1 ? '' : 's'}, shown next to ${problems.length === 1 ? 'its field' : 'their fields'}${unplaced ? ` (${unplaced} in the JSON view only)` : ''}: the bank can be saved once they are fixed.`;
    $('json-problems').replaceChildren(...problems.map(p => el('li', '', `Line ${p.line}, column ${p.column}: ${p.path}: ${p.message}`)));
  }

  // ---- the two views ----
  const redraw = BankForm.render(bank, changed, !existing);
  function show(view) {
    const json = view === 'json';
    if (!json && jsonText !== null) {
      let parsed;
      try { parsed = JSON.parse(jsonText); } catch (e) {
        $('problem-summary').textContent = `The JSON does not parse (${e.message}): fix it here before going back to the form.`;
        return;
      }
      if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.questions)) {
        $('problem-summary').textContent = 'The JSON is not a bank (an object with a "questions" list): fix it here before going back to the form.';
        return;
      }
      for (const k of Object.keys(bank)) delete bank[k];
      Object.assign(bank, parsed);
      jsonText = null;
      redraw();
      showProblems(lastProblems);
    }
    if (json) {
      jsonText = JSON.stringify(bank, null, 2);
      if (!editor) {
        editor = SteppeCodeMirror.create($('json-editor'), jsonText, {
          schema,
          label: 'The bank as JSON',
          nonce: document.querySelector('meta[name=style-nonce]').content,
          check: async (text) => { const problems = await check(text); showProblems(problems); return problems; },
          syntax: (problems) => showProblems(problems),
          changed: (text) => { jsonText = text; dirty = true; status.textContent = 'Not saved yet.'; },
        });
      } else {
        SteppeCodeMirror.setText(editor, jsonText);
      }
    }
    $('form-view').hidden = json;
    $('json-view').hidden = !json;
    $('tab-form').setAttribute('aria-selected', String(!json));
    $('tab-json').setAttribute('aria-selected', String(json));
    if (json) editor.focus();
  }
  $('tab-form').addEventListener('click', () => show('form'));
  $('tab-json').addEventListener('click', () => show('json'));

  // ---- saving ----
  $('save').addEventListener('click', async () => {
    const save = $('save');
    save.disabled = true;
    status.classList.remove('error');
    status.textContent = 'Saving…';
    try {
      const response = await fetch(existing ? `/api/banks/${encodeURIComponent(existing)}?version=${page.dataset.version}` : '/api/banks',
        { method: existing ? 'PUT' : 'POST', headers: { 'Content-Type': 'application/json' }, body: textOf() });
      if (response.ok) {
        const saved = await response.json();
        dirty = false;
        showProblems([]);
        if (!existing) {
          status.textContent = `Saved${saved.renamedFrom ? ` as “${saved.bank.id}” (the id “${saved.renamedFrom}” is taken)` : ''}.`;
          location.href = `/banks/${encodeURIComponent(saved.bank.id)}/edit?saved=1`;
          return;
        }
        const c = saved.changes;
        $('next-version').textContent = String(saved.bank.version + 1);
        page.dataset.version = String(saved.bank.version);
        status.textContent = `Saved as version ${saved.bank.version}: ${c.kept} kept, ${c.answerChanged} with a new answer (learners study them again), ${c.removed} removed, ${c.added} added.`;
        return;
      }
      const problem = await response.json().catch(() => ({}));
      status.classList.add('error');
      const first = Object.entries(problem.errors || {}).map(([path, messages]) => `${path}: ${messages[0]}`)[0];
      status.textContent = `Not saved: ${first || problem.detail || problem.title || `the server answered ${response.status}`}`;
      const problems = Object.entries(problem.errors || {}).flatMap(([path, messages]) => messages.map(m => {
        const at = m.match(/^(.*) \(line (\d+), column (\d+)\)$/);
        return at ? { path, message: at[1], line: Number(at[2]), column: Number(at[3]) } : { path, message: m, line: 1, column: 1 };
      }));
      if (problems.length) {
        showProblems(problems);
        if (editor && jsonText !== null) SteppeCodeMirror.goTo(editor, problems[0].line, problems[0].column);
        else document.querySelector('#form-view .field-error:not(:empty)')?.scrollIntoView({ block: 'center' });
      }
    } finally {
      save.disabled = false;
    }
  });
  if (new URLSearchParams(location.search).has('saved')) status.textContent = 'Saved: the bank is private to you. Share it from its page.';

  page.dataset.ready = 'true';
  window.addEventListener('beforeunload', (e) => { if (dirty) { e.preventDefault(); e.returnValue = ''; } });
})();
