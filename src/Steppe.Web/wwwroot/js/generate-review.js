// The generated questions on the home page, for the teacher to choose from before saving: grouped by theme (a
// theme where its best question would be; within it the bank's order, best first), each with a tick box, its
// answer and source sentence, and an Edit button (generate-edit.js). generate.js saves what is ticked.
window.Steppe = window.Steppe || {};
Steppe.review = (() => {
  const typeLabels = {
    'multiple-choice': 'Multiple choice', 'true-false': 'True or false', 'cloze': 'Fill the blank',
    'short-answer': 'Short answer', 'numeric': 'Number', 'ordering': 'Ordering',
  };

  // How a bank path inside one question reads to a teacher: ".choices[1]" → "Choice 2".
  const fieldName = (rest) => {
    const m = /^\.([A-Za-z]+)(?:\[(\d+)\])?/.exec(rest);
    if (!m) return '';
    const names = { prompt: 'Question', answer: 'Answer', choices: 'Choices', choice: 'Choice', accept: 'Also accept', correction: 'True statement', explanation: 'Explanation' };
    if (m[2] !== undefined) {
      const one = m[1] === 'choices' ? 'Choice' : (names[m[1]] || m[1]);
      return `${one} ${Number(m[2]) + 1}`;
    }
    return names[m[1]] || m[1];
  };

  // "must not be empty (line 12, column 5)" → "must not be empty": lines of a file the teacher never saw.
  const withoutPosition = (message) => message.replace(/\s*\(line \d+, column \d+\)$/, '');

  const answerView = (q) => {
    if (q.type === 'multiple-choice') {
      const choices = el('ul', 'choices');
      for (const c of q.choices) choices.append(el('li', c === q.answer ? 'correct' : '', c === q.answer ? `${c} ✓` : c));
      return [choices];
    }
    if (q.type === 'ordering') {
      const order = el('ol', 'answer');
      for (const a of q.answer) order.append(el('li', '', a));
      return [el('p', 'answer-label', 'In this order:'), order];
    }
    if (q.type === 'true-false') {
      const views = [el('p', 'answer', `Answer: ${q.answer ? 'True' : 'False'}`)];
      if (!q.answer && q.correction) views.push(el('p', 'answer correction', `True statement: ${q.correction}`));
      return views;
    }
    const unit = q.type === 'numeric' && q.unit ? ` ${q.unit}` : '';
    const views = [el('p', 'answer', `Answer: ${q.answer}${unit}`)];
    if (q.accept && q.accept.length > 0) views.push(el('p', 'accept', `Also accepted: ${q.accept.join('; ')}`));
    return views;
  };

  /**
   * Shows the bank's questions in the container. onChange() is called when a tick changes or an edit ends.
   * Returns the review: what is ticked, and a place for the server's problems with what was saved.
   */
  return (container, bank, onChange) => {
    const themeTitles = new Map((bank.themes || []).map(t => [t.id, t.title]));
    const items = bank.questions.map((question, index) => ({ index, question, original: question, ticked: true }));
    // Themes in the order of their best question; questions without a theme last.
    const groups = new Map();
    for (const item of items) {
      const theme = (item.question.themes && item.question.themes[0]) || '';
      if (!groups.has(theme)) groups.set(theme, []);
      groups.get(theme).push(item);
    }
    if (groups.has('')) {
      const loose = groups.get('');
      groups.delete('');
      groups.set('', loose);
    }

    const groupViews = [];
    const showItem = (item) => {
      const q = item.question;
      item.view.replaceChildren();
      const kind = el('p', 'kind');
      kind.append(el('span', 'type', typeLabels[q.type] || q.type));
      if (item.question !== item.original) kind.append(el('span', 'edited', 'Edited'));
      item.view.append(kind, el('p', 'prompt', q.prompt), ...answerView(q));
      if (q.source && q.source.text) {
        const source = el('blockquote', 'source');
        source.append(el('p', '', q.source.text));
        source.append(el('cite', '', q.source.paragraph ? `The article, paragraph ${q.source.paragraph}` : 'The article'));
        item.view.append(source);
      }
      item.row.classList.toggle('dropped', !item.ticked);
      item.box.checked = item.ticked;
    };

    const showGroup = (group) => {
      const ticked = group.items.filter(i => i.ticked).length;
      group.count.textContent = `${ticked} of ${group.items.length} ticked`;
      group.box.checked = ticked === group.items.length;
      group.box.indeterminate = ticked > 0 && ticked < group.items.length;
    };

    const changed = () => {
      groupViews.forEach(showGroup);
      onChange();
    };

    const closeEditor = (item) => {
      item.editor.remove();
      item.editor = null;
      item.view.hidden = false;
      item.edit.hidden = false;
      item.edit.focus();
    };

    const openEditor = (item) => {
      item.view.hidden = true;
      item.edit.hidden = true;
      item.problem.textContent = '';
      item.editor = Steppe.editQuestion(item.body, item.question, (copy) => {
        const before = JSON.stringify(item.question);
        item.question = JSON.stringify(copy) === JSON.stringify(item.original) ? item.original : copy;
        if (JSON.stringify(item.question) !== before) item.ticked = true; // a question just changed is one the teacher means to keep
        closeEditor(item);
        showItem(item);
        changed();
      }, () => closeEditor(item));
    };

    let shown = 0;
    container.replaceChildren();
    for (const [theme, members] of groups) {
      const section = el('section', 'review-theme');
      const head = el('div', 'theme-head');
      const title = el('h4');
      const label = el('label', 'theme-pick');
      const box = el('input');
      box.type = 'checkbox';
      label.append(box, el('span', '', theme ? (themeTitles.get(theme) || theme) : 'No theme'));
      title.append(label);
      const count = el('span', 'theme-count');
      head.append(title, count);
      const list = el('ol', 'review-list');
      section.append(head, list);
      const group = { items: members, box, count };
      box.addEventListener('change', () => {
        for (const item of members) {
          item.ticked = box.checked;
          showItem(item);
        }
        changed();
      });
      for (const item of members) {
        item.number = ++shown;
        item.row = el('li', 'review-item');
        item.row.id = `gen-q-${item.number}`;
        const pick = el('div', 'pick');
        item.box = el('input');
        item.box.type = 'checkbox';
        item.box.id = `gen-keep-${item.number}`;
        const keep = el('label', '', `Keep`);
        keep.htmlFor = item.box.id;
        keep.append(el('span', 'visually-hidden', ` question ${item.number}`));
        pick.append(el('span', 'number', `${item.number}`), item.box, keep);
        item.body = el('div', 'review-body');
        item.view = el('div', 'review-view');
        item.problem = el('p', 'field-error item-problem');
        item.edit = el('button', 'secondary', 'Edit');
        item.edit.type = 'button';
        item.edit.setAttribute('aria-label', `Edit question ${item.number}`);
        item.body.append(item.view, item.problem, item.edit);
        item.row.append(pick, item.body);
        item.box.addEventListener('change', () => {
          item.ticked = item.box.checked;
          showItem(item);
          changed();
        });
        item.edit.addEventListener('click', () => openEditor(item));
        showItem(item);
        list.append(item.row);
      }
      groupViews.push(group);
      showGroup(group);
      container.append(section);
    }

    return {
      /** How many questions are ticked. */
      count: () => items.filter(i => i.ticked).length,
      /** The first question whose editor is open, or null. */
      editing: () => items.find(i => i.editor) || null,
      /** Ticks every question, or none. */
      tickAll: (ticked) => {
        for (const item of items) {
          item.ticked = ticked;
          showItem(item);
        }
        changed();
      },
      /** The ticked questions in the bank's order (best first), as edited, with the item each came from. */
      chosen: () => items.filter(i => i.ticked),
      /** Removes the problems shown next to questions. */
      clearProblems: () => items.forEach(i => { i.problem.textContent = ''; }),
      /**
       * Shows a validation problem's messages next to the questions they concern. saved[k] is the item saved at
       * $.questions[k]. Returns the messages about no one question, and the first item with a problem.
       */
      showProblems: (errors, saved) => {
        const other = [];
        let first = null;
        for (const [path, messages] of Object.entries(errors || {})) {
          const m = /^\$\.questions\[(\d+)\](.*)$/.exec(path);
          const item = m && saved[Number(m[1])];
          const text = messages.map(withoutPosition).join('; ');
          if (!item) {
            other.push(`${path}: ${text}`);
            continue;
          }
          const name = fieldName(m[2]);
          const line = name ? `${name}: ${text}` : text;
          item.problem.textContent = item.problem.textContent ? `${item.problem.textContent} ${line}.` : `${line}.`;
          if (!first || item.number < first.number) first = item;
        }
        return { other, first };
      },
    };
  };
})();
