// A user's banks: upload one (home page); on a bank's own page, its author shares, replaces, reads the versions
// of and deletes it, and anyone signed in copies it. Each part runs where its form is on the page.
(() => {
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  /** Shows a problem answer: its sentence in the status, and each problem of a bank at its place in the list. */
  async function showProblem(response, status, list) {
    const problem = await response.json().catch(() => ({}));
    status.textContent = problem.detail || problem.title || `The server answered ${response.status}.`;
    status.classList.add('error');
    list.replaceChildren(...Object.entries(problem.errors || {}).flatMap(([path, messages]) => messages.map(m => el('li', '', `${path}: ${m}`))));
  }

  /** Sends a chosen bank file; null when none is chosen or it is too large (said in the status). */
  async function sendFile(input, status, url, method) {
    const file = input.files[0];
    status.classList.remove('error');
    if (!file) { status.textContent = 'Choose a file first.'; return null; }
    if (file.size > 5 * 1024 * 1024) { status.textContent = 'The file is larger than 5 MB.'; status.classList.add('error'); return null; }
    status.textContent = 'Sending…';
    return fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: await file.arrayBuffer() });
  }

  const upload = $('upload');
  if (upload) {
    upload.addEventListener('submit', async (e) => {
      e.preventDefault();
      const [status, problems] = [$('upload-status'), $('upload-problems')];
      problems.replaceChildren();
      const response = await sendFile($('bank-file'), status, '/api/banks', 'POST');
      if (!response) return;
      if (response.status !== 201) { await showProblem(response, status, problems); return; }
      const saved = await response.json();
      const renamed = saved.renamedFrom ? ` as “${saved.bank.id}” (the id “${saved.renamedFrom}” is taken)` : '';
      status.textContent = `Added “${saved.bank.title}”${renamed}, private to you.`;
      setTimeout(() => { location.href = `/banks/${encodeURIComponent(saved.bank.id)}`; }, 700);
    });
  }

  const page = document.querySelector('[data-bank-id]');
  if (!page) return;
  const id = page.dataset.bankId;
  const api = `/api/banks/${encodeURIComponent(id)}`;

  const sharing = $('sharing-form');
  if (sharing) {
    sharing.addEventListener('submit', async (e) => {
      e.preventDefault();
      const access = new FormData(sharing).get('access');
      const status = $('sharing-status');
      const response = await fetch(`${api}/sharing`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ access }) });
      if (!response.ok) { await showProblem(response, status, $('sharing-problems')); return; }
      const shared = await response.json();
      status.classList.remove('error');
      status.textContent = { private: 'Private: only you can see it now.', link: 'Shared by link: whoever has the link below can see it. Sharing again makes a new link and the old one stops working.', public: 'Public: everyone can see it, and it is listed on the home page.' }[shared.access];
      const badge = document.querySelector('h1 .badge');
      badge.className = `badge badge-${shared.access}`;
      badge.textContent = { private: 'Private', link: 'Shared by link', public: 'Public' }[shared.access];
      $('share-link-row').hidden = !shared.link;
      $('share-link').value = shared.link ? new URL(shared.link, location.origin).href : '';
    });
    $('share-link').addEventListener('focus', (e) => e.target.select());
  }

  const replace = $('replace-form');
  if (replace) {
    replace.addEventListener('submit', async (e) => {
      e.preventDefault();
      const [status, problems] = [$('replace-status'), $('replace-problems')];
      problems.replaceChildren();
      const response = await sendFile($('replace-file'), status, api, 'PUT');
      if (!response) return;
      if (!response.ok) { await showProblem(response, status, problems); return; }
      const { bank, changes } = await response.json();
      status.textContent = `Saved as version ${bank.version}: ${plural(changes.kept, 'question', 'questions')} kept, ${changes.answerChanged} with a new answer (learners study them again), ${changes.removed} removed, ${changes.added} added.`;
      setTimeout(() => location.reload(), 2500);
    });
  }

  const versions = $('versions');
  if (versions) {
    (async () => {
      const response = await fetch(`${api}/versions`);
      if (!response.ok) return;
      const list = await response.json();
      versions.replaceChildren(...list.map(v => {
        const item = el('li');
        const link = el('a', '', `Version ${v.number}`);
        link.href = `${api}/versions/${v.number}`;
        link.download = `${id}-v${v.number}.json`;
        item.append(link, ` · ${new Date(v.savedAt).toLocaleString()} · ${plural(v.questionCount, 'question', 'questions')}${v.current ? ' · current' : ''}`);
        return item;
      }));
    })();
  }

  const remove = $('delete-bank');
  if (remove) {
    remove.addEventListener('click', async () => {
      if (!confirm(`Delete “${page.dataset.bankTitle}” and all its versions? Learners keep their history, but its cards stop coming up.`)) return;
      const response = await fetch(api, { method: 'DELETE' });
      if (response.status === 204) { location.href = '/'; return; }
      await showProblem(response, $('delete-status'), $('sharing-problems'));
    });
  }

  const copy = $('copy-bank');
  if (copy) {
    copy.addEventListener('click', async () => {
      const key = new URLSearchParams(location.search).get('key');
      const response = await fetch(`${api}/copy${key ? `?key=${encodeURIComponent(key)}` : ''}`, { method: 'POST' });
      if (response.status === 201) { const saved = await response.json(); location.href = `/banks/${encodeURIComponent(saved.bank.id)}`; return; }
      await showProblem(response, $('copy-status'), $('copy-problems'));
    });
  }
})();
