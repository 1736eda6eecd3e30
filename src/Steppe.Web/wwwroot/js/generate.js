// "Generate from an article" on the home page: how many questions, POST /api/generate (with the report), the
// questions for the teacher to choose from (generate-review.js), and POST /api/banks with what is ticked.
(() => {
  const form = $('generate-form');
  if (!form) return;
  const status = $('gen-status');
  const submit = $('gen-submit');
  const maxInput = $('gen-max');
  const countError = $('gen-count-error');
  const result = $('gen-result');
  const summary = $('gen-summary');
  const save = $('gen-save');
  const saveStatus = $('gen-save-status');
  let bank = null;
  let review = null;

  const say = (element, text, isError) => {
    element.textContent = text;
    element.classList.toggle('error', !!isError);
  };
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  // A ProblemDetails answer: its errors by field, and one line to show.
  const readProblem = async (response) => {
    try {
      const problem = await response.json();
      const first = problem.errors && Object.values(problem.errors)[0];
      return { errors: problem.errors || {}, text: (first && first[0]) || problem.detail || problem.title || `The server answered ${response.status}.` };
    } catch {
      return { errors: {}, text: `The server answered ${response.status}.` };
    }
  };

  // The generator's default: about 4 questions per KB of article (UTF-8), at least 10, at most 80.
  const defaultBudget = (text) => Math.min(80, Math.max(10, Math.round(4 * new TextEncoder().encode(text).length / 1024)));
  const showDefault = () => { $('gen-default-count').textContent = String(defaultBudget(form.text.value)); };
  form.text.addEventListener('input', showDefault);
  showDefault();
  // Typing a number means "at most that many".
  maxInput.addEventListener('input', () => { $('gen-count-max').checked = true; });

  // { max } or { all } or nothing, from the "How many questions" choice; null when the number is not usable.
  const howMany = () => {
    say(countError, '');
    maxInput.removeAttribute('aria-invalid');
    const choice = form.querySelector('input[name="count"]:checked').value;
    if (choice === 'all') return { all: true };
    if (choice !== 'max') return {};
    const max = Number(maxInput.value);
    if (!Number.isInteger(max) || max < 1 || max > 1000) {
      say(countError, 'Write a whole number from 1 to 1000.', true);
      maxInput.setAttribute('aria-invalid', 'true');
      maxInput.focus();
      return null;
    }
    return { max };
  };

  // One short paragraph: how many of what budget, and what was left out most often and why; the rest on request.
  const showReport = (report) => {
    const count = bank.questions.length;
    const themes = new Set(bank.questions.map(q => (q.themes || [])[0]).filter(t => t)).size;
    summary.textContent = `${plural(count, 'question', 'questions')} on ${plural(themes, 'theme', 'themes')}, best first`;
    // The generator warns when it wrote fewer than the budget, and says why.
    const warnings = (report.warnings || []).map(w => `${w.charAt(0).toUpperCase()}${w.slice(1)}.`);
    const lines = [];
    const budget = report.budget === report.defaultBudget ? `Budget ${report.budget} (about 4 a KB of article)` : `At most ${report.budget}, as asked`;
    if (report.all) lines.push('Every question that passes Steppe’s checks.');
    else if (count < report.budget && warnings.length === 0) lines.push(`${budget}; Steppe wrote ${count}: it leaves a question out rather than ask a weak one.`);
    else lines.push(`${budget}.`);
    lines.push(...warnings);
    const reasons = Object.entries(report.filtered || {}).sort((a, b) => b[1] - a[1]);
    if (reasons.length > 0) lines.push(`Left out most often: ${reasons.slice(0, 2).map(([reason, n]) => `${reason} (${n})`).join('; ')}.`);
    $('gen-report').textContent = lines.join(' ');
    $('gen-left-out').hidden = reasons.length === 0;
    $('gen-left-out-title').textContent = `Everything left out, and why (${reasons.reduce((sum, [, n]) => sum + n, 0)})`;
    $('gen-left-out-list').replaceChildren(...reasons.map(([reason, n]) => el('li', '', `${reason}: ${n}`)));
  };

  const showCount = () => {
    const n = review ? review.count() : 0;
    save.textContent = n === 0 ? 'Tick a question to save' : `Save ${plural(n, 'question', 'questions')}`;
    save.disabled = n === 0;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = form.text.value;
    if (!text.trim()) {
      say(status, 'Paste an article first.', true);
      form.text.focus();
      return;
    }
    const count = howMany();
    if (!count) return;
    submit.disabled = true;
    say(status, 'Reading the article…');
    say(saveStatus, '');
    try {
      const response = await fetch('/api/generate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: form.title.value, text, ...count, report: true }),
      });
      if (!response.ok) {
        result.hidden = true;
        const problem = await readProblem(response);
        const onCount = problem.errors.max || problem.errors.all;
        say(onCount ? countError : status, onCount ? onCount[0] : problem.text, true);
        if (onCount) say(status, 'Choose how many questions again.', true);
        return;
      }
      const answer = await response.json();
      bank = answer.bank;
      review = Steppe.review($('gen-questions'), bank, showCount);
      showReport(answer.report);
      showCount();
      result.hidden = false;
      say(status, `Done: ${plural(bank.questions.length, 'question', 'questions')}. Untick those you do not want, edit any, then save.`);
      summary.focus();
    } catch {
      say(status, 'Steppe could not be reached. Check that it is still running and try again.', true);
    } finally {
      submit.disabled = false;
    }
  });

  $('gen-tick-all').addEventListener('click', () => review && review.tickAll(true));
  $('gen-tick-none').addEventListener('click', () => review && review.tickAll(false));

  // A copy of the bank with the ticked questions as edited, the themes they use, and a description that counts them.
  const chosenBank = (chosen) => {
    const questions = chosen.map(i => i.question);
    const used = new Set(questions.flatMap(q => q.themes || []));
    const copy = { ...bank, questions, themes: (bank.themes || []).filter(t => used.has(t.id)) };
    // A title changed after generating names the saved bank, and its id follows it (letters and digits joined by hyphens).
    const title = form.title.value.trim();
    if (title && title !== bank.title) {
      copy.title = title;
      const id = slug(title, 60);
      if (id) copy.id = id;
    }
    if (copy.themes.length === 0) delete copy.themes;
    if (copy.description) {
      copy.description = copy.description.replace(/\d+ questions? on \d+ themes?/,
        `${plural(questions.length, 'question', 'questions')} on ${plural(used.size, 'theme', 'themes')}`);
    }
    return copy;
  };

  save.addEventListener('click', async () => {
    if (!review) return;
    const open = review.editing();
    if (open) {
      say(saveStatus, `Finish editing question ${open.number} first: Done or Cancel.`, true);
      open.row.scrollIntoView({ block: 'center' });
      return;
    }
    const chosen = review.chosen();
    if (chosen.length === 0) return;
    const copy = chosenBank(chosen);
    let saved = false;
    review.clearProblems();
    save.disabled = true;
    say(saveStatus, 'Saving…');
    try {
      // The id comes from the title; when a bank of that id exists (another of this title), the next free
      // "-2", "-3" … is taken, so that nothing ticked or edited is lost.
      const taken = copy.id;
      let response;
      for (let n = 1; n <= 20; n++) {
        if (n > 1) copy.id = `${taken}-${n}`;
        response = await fetch('/api/banks', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(copy),
        });
        if (response.status !== 409) break;
      }
      if (response.status === 409) {
        say(saveStatus, `Banks “${taken}” to “${copy.id}” exist already: give this bank another title above and save again.`, true);
        copy.id = taken;
        return;
      }
      if (response.status === 201) {
        const renamed = copy.id !== taken ? ` as “${copy.id}” (a bank “${taken}” exists already)` : '';
        say(saveStatus, `Saved “${copy.title}”${renamed} with ${plural(copy.questions.length, 'question', 'questions')}. It is now in the list below.`);
        saved = true; // the button stays disabled until the page shows the saved bank
        setTimeout(() => { window.location.hash = `bank-${copy.id}`; window.location.reload(); }, 800);
        return;
      }
      if (response.status === 401) {
        say(saveStatus, 'Sign in to save banks: ', true);
        const link = el('a', '', 'sign in');
        link.href = '/signin?returnUrl=/';
        saveStatus.append(link);
        return;
      }
      const problem = await readProblem(response);
      const { other, first } = review.showProblems(problem.errors, chosen);
      if (first) {
        say(saveStatus, `Question ${first.number} has a problem (shown next to it): edit it or untick it, then save again.`, true);
        first.row.scrollIntoView({ block: 'center' });
      } else {
        say(saveStatus, other.length > 0 ? other.join(' ') : problem.text, true);
      }
    } catch {
      say(saveStatus, 'Steppe could not be reached. Try again.', true);
    } finally {
      if (!saved) showCount();
    }
  });
})();
