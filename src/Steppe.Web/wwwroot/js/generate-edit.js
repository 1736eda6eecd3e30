// The inline editor of one generated question on the home page (used by generate-review.js): the prompt, the
// answer in the form its type needs, and the explanation. It checks only what it needs to build a question of
// the type (a prompt, a number, a right choice); the bank's other rules (one cloze blank, no repeated choice…)
// are the server's, whose messages generate-review.js shows next to the question.
window.Steppe = window.Steppe || {};
Steppe.editQuestion = (() => {
  let editors = 0; // ids of the fields, unique in the page

  const promptLabels = {
    'multiple-choice': 'Question', 'true-false': 'Statement', 'cloze': 'Sentence, with the blank written ____',
    'short-answer': 'Question', 'numeric': 'Question', 'ordering': 'Instruction',
  };

  const field = (box, id, labelText, control) => {
    const label = el('label', '', labelText);
    label.htmlFor = id;
    control.id = id;
    box.append(label, control);
    return control;
  };

  const textInput = (value) => {
    const input = el('input');
    input.type = 'text';
    input.autocomplete = 'off';
    input.value = value ?? '';
    return input;
  };

  // At least `rows` lines, more for a long text (about 40 characters a line on a phone), at most 6.
  const textArea = (value, rows) => {
    const area = el('textarea');
    area.rows = Math.min(6, Math.max(rows, Math.ceil((value || '').length / 40)));
    area.value = value ?? '';
    return area;
  };

  const radio = (name, id, checked) => {
    const input = el('input');
    input.type = 'radio';
    input.name = name;
    input.id = id;
    input.checked = checked;
    return input;
  };

  // "1,200.5" → 1200.5; anything that is not a plain number → NaN.
  const parseNumber = (text) => {
    const plain = text.trim().replace(/\s/g, '');
    const unseparated = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(plain) ? plain.replace(/,/g, '') : plain;
    return /^-?(\d+\.?\d*|\.\d+)$/.test(unseparated) ? Number(unseparated) : NaN;
  };

  const acceptList = (text) => text.split(';').map(s => s.trim()).filter(s => s.length > 0);

  /** The answer fields of the question's type; returns a function that writes them into a copy, or says what is missing. */
  const answerFields = (box, q, id) => {
    if (q.type === 'multiple-choice') {
      const set = el('fieldset', 'edit-choices');
      set.append(el('legend', '', 'Choices: pick the right one'));
      const rows = q.choices.map((choice, i) => {
        const row = el('div', 'choice-edit');
        const right = radio(`${id}-right`, `${id}-right-${i}`, choice === q.answer);
        right.setAttribute('aria-label', `Choice ${i + 1} is the right answer`);
        const text = textInput(choice);
        text.id = `${id}-choice-${i}`;
        text.setAttribute('aria-label', `Choice ${i + 1}`);
        row.append(right, text);
        set.append(row);
        return { right, text };
      });
      set.append(el('p', 'field-hint', 'Empty a choice to drop it (a question needs at least two).'));
      box.append(set);
      return (copy) => {
        const picked = rows.find(r => r.right.checked);
        if (!picked || !picked.text.value.trim()) return { message: 'Pick the right choice, and give it a text.', focus: rows[0].right };
        copy.choices = rows.map(r => r.text.value.trim()).filter(c => c.length > 0);
        copy.answer = picked.text.value.trim();
        return null;
      };
    }
    if (q.type === 'true-false') {
      const set = el('fieldset', 'edit-truth');
      set.append(el('legend', '', 'The statement is'));
      const isTrue = radio(`${id}-truth`, `${id}-true`, q.answer === true);
      const isFalse = radio(`${id}-truth`, `${id}-false`, q.answer === false);
      const trueLabel = el('label', 'inline', 'True');
      trueLabel.htmlFor = isTrue.id;
      const falseLabel = el('label', 'inline', 'False');
      falseLabel.htmlFor = isFalse.id;
      set.append(isTrue, trueLabel, isFalse, falseLabel);
      box.append(set);
      const correctionBox = el('div');
      const correction = field(correctionBox, `${id}-correction`, 'The true statement (optional, shown to a student who answers wrongly)', textArea(q.correction, 2));
      box.append(correctionBox);
      const sync = () => { correctionBox.hidden = !isFalse.checked; };
      isTrue.addEventListener('change', sync);
      isFalse.addEventListener('change', sync);
      sync();
      return (copy) => {
        copy.answer = !isFalse.checked;
        // A correction belongs to a false statement only. (Assigning keeps the field's place, so an unchanged
        // question compares equal to the original.)
        if (isFalse.checked && correction.value.trim()) copy.correction = correction.value.trim(); else delete copy.correction;
        return null;
      };
    }
    if (q.type === 'numeric') {
      const answer = field(box, `${id}-answer`, q.unit ? `Answer, a number (in ${q.unit})` : 'Answer, a number', textInput(String(q.answer)));
      answer.inputMode = 'decimal';
      return (copy) => {
        const value = parseNumber(answer.value);
        if (!Number.isFinite(value)) return { message: 'The answer must be a number, such as 42.8 or 1,200.', focus: answer };
        copy.answer = value;
        return null;
      };
    }
    if (q.type === 'ordering') {
      box.append(el('p', 'field-hint', 'The items and their order stay as generated.'));
      return () => null;
    }
    // cloze and short-answer: a text answer and other accepted ones
    const answer = field(box, `${id}-answer`, 'Answer', textInput(q.answer));
    const accept = field(box, `${id}-accept`, 'Also accept (separate with ;)', textInput((q.accept || []).join('; ')));
    return (copy) => {
      if (!answer.value.trim()) return { message: 'Write the answer.', focus: answer };
      copy.answer = answer.value.trim();
      const others = acceptList(accept.value).filter(a => a !== copy.answer);
      if (others.length > 0) copy.accept = others; else delete copy.accept;
      return null;
    };
  };

  /**
   * Opens an editor of question q in the container. done(copy) receives the edited copy; cancel() is called on
   * Cancel or Escape. Returns the editor's root element.
   */
  return (container, q, done, cancel) => {
    const id = `gen-edit-${++editors}`;
    const box = el('fieldset', 'editor');
    box.append(el('legend', '', 'Edit this question'));
    const prompt = field(box, `${id}-prompt`, promptLabels[q.type] || 'Prompt', textArea(q.prompt, 2));
    const writeAnswer = answerFields(box, q, id);
    const explanation = field(box, `${id}-explanation`, 'Explanation (optional, shown after answering)', textArea(q.explanation, 2));
    const problem = el('p', 'field-error');
    problem.setAttribute('role', 'alert');
    const buttons = el('div', 'actions');
    const ok = el('button', '', 'Done');
    ok.type = 'button';
    const back = el('button', 'secondary', 'Cancel');
    back.type = 'button';
    buttons.append(ok, back);
    box.append(problem, buttons);

    ok.addEventListener('click', () => {
      const copy = structuredClone(q);
      copy.prompt = prompt.value.trim();
      const wrong = !copy.prompt ? { message: 'Write the question.', focus: prompt } : writeAnswer(copy);
      if (wrong) {
        problem.textContent = wrong.message;
        wrong.focus.focus();
        return;
      }
      if (explanation.value.trim()) copy.explanation = explanation.value.trim(); else delete copy.explanation;
      done(copy);
    });
    back.addEventListener('click', () => cancel());
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        cancel();
      }
    });
    container.append(box);
    prompt.focus();
    return box;
  };
})();
