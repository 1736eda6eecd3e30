// "Generate from an article" on the home page: POST /api/generate, show the questions, POST /api/banks to save.
(() => {
  const form = document.getElementById('generate-form');
  if (!form) return;
  const status = document.getElementById('gen-status');
  const submit = document.getElementById('gen-submit');
  const result = document.getElementById('gen-result');
  const summary = document.getElementById('gen-summary');
  const list = document.getElementById('gen-questions');
  const save = document.getElementById('gen-save');
  const saveStatus = document.getElementById('gen-save-status');
  const typeLabels = {
    'multiple-choice': 'Multiple choice', 'true-false': 'True or false', 'cloze': 'Fill the blank',
    'short-answer': 'Short answer', 'numeric': 'Number', 'ordering': 'Ordering',
  };
  let bank = null;

  const say = (element, text, isError) => {
    element.textContent = text;
    element.classList.toggle('error', !!isError);
  };

  // The first message of a ProblemDetails answer, or its title.
  const problemText = async (response) => {
    try {
      const problem = await response.json();
      const first = problem.errors && Object.values(problem.errors)[0];
      return (first && first[0]) || problem.detail || problem.title || `The server answered ${response.status}.`;
    } catch {
      return `The server answered ${response.status}.`;
    }
  };

  const element = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const render = () => {
    const themes = new Map((bank.themes || []).map(t => [t.id, t.title]));
    summary.textContent = `${bank.questions.length} questions on ${themes.size} themes: ${[...themes.values()].join(', ')}`;
    list.replaceChildren();
    for (const q of bank.questions) {
      const item = element('li', 'question');
      const kind = element('p', 'kind');
      kind.append(element('span', 'type', typeLabels[q.type] || q.type));
      for (const t of q.themes || []) kind.append(element('span', 'theme', themes.get(t) || t));
      item.append(kind, element('p', 'prompt', q.prompt));
      if (q.type === 'multiple-choice') {
        const choices = element('ul', 'choices');
        for (const c of q.choices) choices.append(element('li', c === q.answer ? 'correct' : '', c === q.answer ? `${c} ✓` : c));
        item.append(choices);
      } else if (q.type === 'ordering') {
        const order = element('ol', 'answer');
        for (const a of q.answer) order.append(element('li', '', a));
        item.append(order);
      } else {
        const answer = q.type === 'true-false' ? (q.answer ? 'True' : 'False') : `${q.answer}${q.unit ? ' ' + q.unit : ''}`;
        item.append(element('p', 'answer', `Answer: ${answer}`));
      }
      if (q.explanation) item.append(element('p', 'explanation', q.explanation));
      list.append(item);
    }
    result.hidden = false;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = form.text.value;
    if (!text.trim()) {
      say(status, 'Paste an article first.', true);
      form.text.focus();
      return;
    }
    submit.disabled = true;
    say(status, 'Reading the article…');
    say(saveStatus, '');
    try {
      const response = await fetch('/api/generate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: form.title.value, text }),
      });
      if (!response.ok) {
        result.hidden = true;
        say(status, await problemText(response), true);
        return;
      }
      bank = await response.json();
      say(status, `Done: ${bank.questions.length} questions. Read them, then save the bank if you want to keep it.`);
      render();
    } catch {
      say(status, 'Steppe could not be reached. Check that it is still running and try again.', true);
    } finally {
      submit.disabled = false;
    }
  });

  save.addEventListener('click', async () => {
    if (!bank) return;
    save.disabled = true;
    say(saveStatus, 'Saving…');
    try {
      const response = await fetch('/api/banks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(bank),
      });
      if (response.status === 201) {
        say(saveStatus, `Saved as “${bank.title}”. It is now in the list below.`);
        setTimeout(() => { window.location.hash = `bank-${bank.id}`; window.location.reload(); }, 800);
        return;
      }
      if (response.status === 401) {
        say(saveStatus, 'Sign in to save banks: ', true);
        const link = element('a', '', 'sign in');
        link.href = '/signin?returnUrl=/';
        saveStatus.append(link);
        return;
      }
      say(saveStatus, await problemText(response), true);
    } catch {
      say(saveStatus, 'Steppe could not be reached. Try again.', true);
    } finally {
      save.disabled = false;
    }
  });
})();
