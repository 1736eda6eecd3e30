// The form view of the bank editor: the bank's title, id, description and themes, and one card per question with
// the fields of its type, moved, deleted and previewed as a student sees it in study and on a phone in a live
// game. It edits the bank object it is given in place and calls `changed()` after each edit; bank-editor.js
// saves it. A global of the page: BankForm.
const BankForm = (() => {
  const TYPES = {
    'multiple-choice': 'Multiple choice', 'true-false': 'True or false', cloze: 'Fill in the blank',
    'short-answer': 'Short answer', numeric: 'Number', ordering: 'Put in order',
  };
  const BLANK = '____';

  /** A new question of a type, with an id not used in the bank. */
  function blank(type, bank) {
    const used = new Set(bank.questions.map(q => q.id));
    let n = bank.questions.length + 1;
    while (used.has(`q${n}`)) n++;
    const q = { id: `q${n}`, type, prompt: type === 'cloze' ? `The capital of Kazakhstan is ${BLANK}.` : '' };
    if (type === 'multiple-choice') Object.assign(q, { choices: ['', ''], answer: '' });
    if (type === 'true-false') q.answer = true;
    if (type === 'cloze' || type === 'short-answer') q.answer = '';
    if (type === 'numeric') q.answer = 0;
    if (type === 'ordering') q.answer = ['', ''];
    return q;
  }

  /** Changes a question's type, keeping what carries over (prompt, explanation, themes, a text answer). */
  function retype(q, type) {
    const kept = { id: q.id, type, prompt: q.prompt, image: q.image, explanation: q.explanation, themes: q.themes, timeLimitSeconds: q.timeLimitSeconds };
    const text = typeof q.answer === 'string' ? q.answer : '';
    for (const k of Object.keys(q)) delete q[k];
    Object.assign(q, kept);
    if (type === 'multiple-choice') Object.assign(q, { choices: [text, ''], answer: text });
    if (type === 'true-false') q.answer = true;
    if (type === 'cloze' || type === 'short-answer') q.answer = text;
    if (type === 'numeric') q.answer = Number.isFinite(Number(text)) && text !== '' ? Number(text) : 0;
    if (type === 'ordering') q.answer = text ? [text, ''] : ['', ''];
    for (const k of Object.keys(q)) if (q[k] === undefined) delete q[k];
  }

  const lines = (text) => text.split('\n').map(s => s.trim()).filter(Boolean);
  const optional = (q, key, value) => { if (value === '' || value === undefined || value === null) delete q[key]; else q[key] = value; };

  function field(labelText, input, path, hint) {
    const wrap = el('div', 'field');
    const label = el('label', '', labelText);
    label.htmlFor = input.id;
    wrap.append(label);
    if (hint) wrap.append(el('span', 'field-hint', ` ${hint}`));
    wrap.append(input);
    const error = el('p', 'field-error');
    error.dataset.path = path;
    wrap.append(error);
    return wrap;
  }

  function input(id, value, onInput, tag = 'input') {
    const i = el(tag);
    i.id = id;
    i.value = value ?? '';
    if (tag === 'textarea') i.rows = 2;
    i.addEventListener('input', () => onInput(i.value));
    return i;
  }

  /** The answer fields of a question's type. */
  function answerFields(bank, q, i, path, changed, redraw) {
    const id = (name) => `q${i}-${name}`;
    const box = el('div', 'answer-fields');
    if (q.type === 'multiple-choice') {
      const list = el('fieldset', 'choices-edit');
      list.append(el('legend', '', 'Choices (tick the right one)'));
      q.choices.forEach((choice, c) => {
        const row = el('div', 'choice-edit');
        const right = el('input');
        right.type = 'radio'; right.name = id('right'); right.checked = choice !== '' && choice === q.answer;
        right.setAttribute('aria-label', `Choice ${c + 1} is the right answer`);
        right.addEventListener('change', () => { q.answer = q.choices[c]; changed(); });
        const text = input(id(`choice-${c}`), choice, (v) => {
          const wasRight = q.answer === q.choices[c];
          q.choices[c] = v;
          if (wasRight) q.answer = v;
          changed();
        });
        text.setAttribute('aria-label', `Choice ${c + 1}`);
        const remove = el('button', 'secondary', 'Remove');
        remove.type = 'button';
        remove.disabled = q.choices.length <= 2;
        remove.setAttribute('aria-label', `Remove choice ${c + 1}`);
        remove.addEventListener('click', () => {
          if (q.answer === q.choices[c]) q.answer = '';
          q.choices.splice(c, 1); BankPictures.choiceRemoved(q, c); changed(); redraw();
        });
        row.append(right, text, remove);
        list.append(row, BankPictures.choicePicture(bank, q, i, c, path, (again) => { changed(); if (again) redraw(`q${i}-choice-${c}`); }));
      });
      const add = el('button', 'secondary', 'Add a choice');
      add.type = 'button';
      add.disabled = q.choices.length >= 6;
      add.addEventListener('click', () => { q.choices.push(''); BankPictures.choiceAdded(q); changed(); redraw(); });
      const error = el('p', 'field-error');
      error.dataset.path = `${path}.choices`;
      const answerError = el('p', 'field-error');
      answerError.dataset.path = `${path}.answer`;
      list.append(add, error, answerError);
      box.append(list);
    } else if (q.type === 'true-false') {
      const choice = el('fieldset', 'true-false-edit');
      choice.append(el('legend', '', 'The statement is'));
      for (const value of [true, false]) {
        const r = el('input'); r.type = 'radio'; r.name = id('tf'); r.id = id(`tf-${value}`); r.checked = q.answer === value;
        r.addEventListener('change', () => { q.answer = value; if (value) delete q.correction; changed(); redraw(); });
        const l = el('label', 'inline', value ? 'True' : 'False'); l.htmlFor = r.id;
        const row = el('div', 'access-choice'); row.append(r, l); choice.append(row);
      }
      box.append(choice);
      if (q.answer === false) {
        box.append(field('Correction', input(id('correction'), q.correction, (v) => { optional(q, 'correction', v); changed(); }), `${path}.correction`, '(optional: the true statement)'));
      }
    } else if (q.type === 'cloze' || q.type === 'short-answer') {
      box.append(field('Answer', input(id('answer'), q.answer, (v) => { q.answer = v; changed(); }), `${path}.answer`));
      box.append(field('Also accept', input(id('accept'), (q.accept || []).join('\n'), (v) => { optional(q, 'accept', lines(v).length ? lines(v) : undefined); changed(); }, 'textarea'),
        `${path}.accept`, '(optional: one spelling a line)'));
    } else if (q.type === 'numeric') {
      const number = input(id('answer'), q.answer, (v) => { q.answer = v.trim() === '' || !Number.isFinite(Number(v)) ? v : Number(v); changed(); });
      number.inputMode = 'decimal';
      box.append(field('Answer (a number)', number, `${path}.answer`));
      box.append(field('Unit', input(id('unit'), q.unit, (v) => { optional(q, 'unit', v); changed(); }), `${path}.unit`, '(optional: "%", "billion dollars")'));
      const tolerance = input(id('tolerance'), q.tolerance, (v) => { optional(q, 'tolerance', v.trim() === '' ? undefined : Number(v)); changed(); });
      tolerance.inputMode = 'decimal';
      box.append(field('Tolerance', tolerance, `${path}.tolerance`, '(optional: how far off an answer may be)'));
    } else if (q.type === 'ordering') {
      box.append(field('Items in the right order', input(id('answer'), q.answer.join('\n'), (v) => { q.answer = lines(v); changed(); }, 'textarea'),
        `${path}.answer`, '(one a line; players get them shuffled)'));
    }
    return box;
  }

  /** The question as a student sees it: in study, and on a phone in a live game. */
  function preview(q) {
    const box = el('div', 'preview');
    const study = el('div', 'preview-study');
    study.append(el('p', 'preview-label', 'In study'), el('p', 'prompt', q.prompt || '(no prompt yet)'));
    const phone = el('div', 'preview-phone');
    phone.append(el('p', 'preview-label', 'On a phone, live'), el('p', 'prompt', q.prompt || '(no prompt yet)'));
    if (q.image?.src) { study.append(picture(q.image, 'preview-picture')); phone.append(picture(q.image, 'preview-picture')); }
    const options = q.type === 'multiple-choice' ? q.choices : q.type === 'true-false' ? ['True', 'False'] : null;
    if (options) {
      const list = el('ul', 'choice-buttons');
      options.forEach((o, i) => {
        const item = el('li', '', o || '…');
        const image = q.type === 'multiple-choice' && q.choiceImages?.[i] ? picture(q.choiceImages[i], 'choice-picture') : null;
        if (image) item.prepend(image);
        list.append(item);
      });
      study.append(list);
      const grid = el('div', 'big-answers');
      options.forEach((o, i) => {
        const answer = el('span', `big-answer a${i % 4}`, o || '…');
        const image = q.type === 'multiple-choice' && q.choiceImages?.[i] ? picture(q.choiceImages[i], 'choice-picture') : null;
        if (image) answer.prepend(image);
        grid.append(answer);
      });
      phone.append(grid);
    } else if (q.type === 'ordering') {
      const list = el('ol', 'order-list');
      [...q.answer].reverse().forEach(item => list.append(el('li', '', item || '…')));
      study.append(list);
      phone.append(list.cloneNode(true));
    } else {
      study.append(el('p', 'preview-input', q.type === 'numeric' ? 'A number box' : 'A text box'));
      phone.append(el('p', 'preview-input', q.type === 'numeric' ? 'A number box' : 'A text box'));
    }
    study.append(el('p', 'field-hint', `Answer: ${answerText(q)}${q.explanation ? ` — ${q.explanation}` : ''}`));
    box.append(study, phone);
    return box;
  }

  function answerText(q) {
    if (q.type === 'true-false') return q.answer ? 'True' : 'False';
    if (q.type === 'ordering') return q.answer.join(' → ');
    if (q.type === 'numeric') return `${q.answer}${q.unit ? (q.unit.startsWith('%') ? q.unit : ` ${q.unit}`) : ''}`;
    return q.answer || '(none yet)';
  }

  /** One question's card. */
  function card(bank, q, i, changed, redraw) {
    const path = `$.questions[${i}]`;
    const item = el('li', 'question-edit');
    item.dataset.path = path;
    const head = el('div', 'question-edit-head');
    head.append(el('h2', '', `Question ${i + 1}`));
    const type = el('select');
    type.id = `q${i}-type`;
    type.setAttribute('aria-label', `Type of question ${i + 1}`);
    for (const [value, label] of Object.entries(TYPES)) {
      const o = el('option', '', label); o.value = value; o.selected = value === q.type; type.append(o);
    }
    type.addEventListener('change', () => { retype(q, type.value); changed(); redraw(); });
    const tools = el('div', 'question-tools');
    const button = (text, label, disabled, action) => {
      const b = el('button', 'secondary', text); b.type = 'button'; b.disabled = disabled; b.setAttribute('aria-label', label);
      b.addEventListener('click', action); tools.append(b);
    };
    button('↑', `Move question ${i + 1} up`, i === 0, () => { bank.questions.splice(i - 1, 0, ...bank.questions.splice(i, 1)); changed(); redraw(`q${i - 1}-type`); });
    button('↓', `Move question ${i + 1} down`, i === bank.questions.length - 1, () => { bank.questions.splice(i + 1, 0, ...bank.questions.splice(i, 1)); changed(); redraw(`q${i + 1}-type`); });
    button('Delete', `Delete question ${i + 1}`, false, () => { bank.questions.splice(i, 1); changed(); redraw(); });
    head.append(type, tools);
    const general = el('p', 'field-error');
    general.dataset.path = path;
    item.append(head, general);

    const prompt = input(`q${i}-prompt`, q.prompt, (v) => { q.prompt = v; changed(); refreshPreview(); }, 'textarea');
    item.append(field(q.type === 'cloze' ? `Prompt (write the blank as ${BLANK})` : 'Prompt', prompt, `${path}.prompt`));
    item.append(BankPictures.promptPicture(bank, q, i, path, (again) => { changed(); if (again) redraw(`q${i}-image-file`); else refreshPreview(); }));
    item.append(answerFields(bank, q, i, path, () => { changed(); refreshPreview(); }, redraw));
    item.append(field('Explanation', input(`q${i}-explanation`, q.explanation, (v) => { optional(q, 'explanation', v); changed(); refreshPreview(); }, 'textarea'),
      `${path}.explanation`, '(optional: shown after answering)'));

    const extras = el('div', 'question-extras');
    if ((bank.themes || []).length > 0) {
      const themes = el('fieldset', 'question-themes');
      themes.append(el('legend', '', 'Themes'));
      for (const t of bank.themes) {
        const box = el('input'); box.type = 'checkbox'; box.id = `q${i}-theme-${t.id}`; box.checked = (q.themes || []).includes(t.id);
        box.addEventListener('change', () => {
          const now = new Set(q.themes || []);
          if (box.checked) now.add(t.id); else now.delete(t.id);
          optional(q, 'themes', now.size ? bank.themes.map(x => x.id).filter(x => now.has(x)) : undefined);
          changed();
        });
        const label = el('label', 'inline', t.title || t.id); label.htmlFor = box.id;
        const row = el('span', 'theme-choice'); row.append(box, label); themes.append(row);
      }
      extras.append(themes);
    }
    const seconds = input(`q${i}-time`, q.timeLimitSeconds, (v) => { optional(q, 'timeLimitSeconds', v.trim() === '' ? undefined : Number(v)); changed(); });
    seconds.type = 'number'; seconds.min = '5'; seconds.max = '240'; seconds.inputMode = 'numeric';
    extras.append(field('Seconds in a live game', seconds, `${path}.timeLimitSeconds`, '(optional: 5 to 240; the host chooses otherwise)'));
    extras.append(field('Question id', input(`q${i}-id`, q.id, (v) => { q.id = v.trim(); changed(); }), `${path}.id`,
      '(keep it when you fix a question, so learners keep their progress)'));
    item.append(extras);

    const details = el('details', 'preview-box');
    details.append(el('summary', '', 'Preview'));
    let shown = preview(q);
    details.append(shown);
    function refreshPreview() { const next = preview(q); shown.replaceWith(next); shown = next; }
    item.append(details);
    return item;
  }

  function themesEditor(bank, list, changed, redraw) {
    list.replaceChildren(...(bank.themes || []).map((t, i) => {
      const row = el('li', 'theme-edit');
      const title = input(`theme-${i}-title`, t.title, (v) => { t.title = v; changed(); });
      title.setAttribute('aria-label', `Theme ${i + 1} title`);
      const id = input(`theme-${i}-id`, t.id, (v) => {
        const old = t.id; t.id = v.trim();
        for (const q of bank.questions) if (q.themes) q.themes = q.themes.map(x => (x === old ? t.id : x));
        changed();
      });
      id.setAttribute('aria-label', `Theme ${i + 1} id`);
      id.spellcheck = false;
      const remove = el('button', 'secondary', 'Remove');
      remove.type = 'button';
      remove.setAttribute('aria-label', `Remove theme ${i + 1}`);
      remove.addEventListener('click', () => {
        bank.themes.splice(i, 1);
        for (const q of bank.questions) if (q.themes) optional(q, 'themes', q.themes.filter(x => x !== t.id).length ? q.themes.filter(x => x !== t.id) : undefined);
        if (bank.themes.length === 0) delete bank.themes;
        changed(); redraw();
      });
      const error = el('p', 'field-error');
      error.dataset.path = `$.themes[${i}]`;
      row.append(title, id, remove, error);
      return row;
    }));
  }

  /** Draws the whole form for `bank` into the page; `changed()` after every edit. Returns a redraw function. */
  function render(bank, changed, isNew) {
    let idTouched = !isNew; // a new bank's id follows its title until the author types one
    const redraw = (focus) => {
      $('bank-title').value = bank.title || '';
      $('bank-id').value = bank.id || '';
      $('bank-description').value = bank.description || '';
      themesEditor(bank, $('theme-list'), changed, redraw);
      $('question-list').replaceChildren(...bank.questions.map((q, i) => card(bank, q, i, changed, redraw)));
      if (focus && $(focus)) $(focus).focus();
    };
    $('bank-title').oninput = (e) => {
      bank.title = e.target.value;
      if (!idTouched) { bank.id = slug(bank.title) || 'my-bank'; $('bank-id').value = bank.id; }
      changed();
    };
    $('bank-id').oninput = (e) => { idTouched = true; bank.id = e.target.value.trim(); changed(); };
    $('bank-description').oninput = (e) => { optional(bank, 'description', e.target.value); changed(); };
    $('add-theme').onclick = () => {
      bank.themes = bank.themes || [];
      let n = bank.themes.length + 1;
      while (bank.themes.some(t => t.id === `theme-${n}`)) n++;
      bank.themes.push({ id: `theme-${n}`, title: `Theme ${n}` });
      changed(); redraw(`theme-${bank.themes.length - 1}-title`);
    };
    $('add-question').onclick = () => {
      bank.questions.push(blank($('new-type').value, bank));
      changed(); redraw(`q${bank.questions.length - 1}-prompt`);
    };
    redraw();
    return redraw;
  }

  return { render, blank };
})();
