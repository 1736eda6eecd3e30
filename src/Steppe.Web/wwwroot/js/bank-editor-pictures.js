// Pictures in the bank editor's form: a prompt's picture and each choice's, uploaded to the server (which checks
// and cleans them) and named in the bank as { src: 'media/…', alt }. A global of the page: BankPictures.
const BankPictures = (() => {
  /** Sends a file to the server; the stored picture's { src, … }, or throws with the server's reason. */
  async function upload(file) {
    const response = await fetch('/api/media', { method: 'POST', headers: { 'Content-Type': file.type || 'application/octet-stream' }, body: file });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail || body.title || `the server answered ${response.status}`);
    return body;
  }

  /** A bank with a picture is format 1.1 (the validator refuses pictures in a format 1 file). */
  function markFormat(bank) {
    const any = bank.questions.some(q => q.image || (q.choiceImages || []).some(Boolean));
    if (any) bank.format = 1.1;
  }

  /**
   * The editor of one picture: its thumbnail, its alt text, a file picker and a remove button.
   * `get()` is the current { src, alt } or undefined, read when something changes (the bank may have changed since
   * the form was drawn); `set(image | undefined, typing)` stores a change. `path` is the picture's JSON path, so that
   * the validator's problems (a missing alt text) show here.
   */
  function editor(id, label, get, set, path, compact = false) {
    const image = get();
    const box = el('div', compact ? 'picture-edit compact' : 'picture-edit');
    box.dataset.path = path;
    // Not a .field-error: those hold the validator's problems and are cleared at each check; an upload's stays.
    const error = el('p', 'upload-error');
    error.setAttribute('role', 'alert');
    const status = el('span', 'field-hint');
    status.setAttribute('role', 'status');
    const file = el('input');
    file.type = 'file';
    file.id = `${id}-file`;
    file.accept = 'image/png,image/jpeg,image/webp,image/gif';
    file.setAttribute('aria-label', `${label}: choose a picture (PNG, JPEG, WebP or GIF, up to 5 MB)`);
    file.addEventListener('change', async () => {
      const chosen = file.files[0];
      if (!chosen) return;
      status.textContent = ' Uploading…';
      error.textContent = '';
      try {
        const stored = await upload(chosen);
        status.textContent = ` ${stored.width}×${stored.height}`;
        set({ src: stored.src, alt: get()?.alt || '' });
      } catch (e) {
        status.textContent = '';
        error.textContent = `Not uploaded: ${e.message}`;
      }
      file.value = '';
    });
    const head = el('div', 'picture-edit-head');
    const title = el('label', '', label);
    title.htmlFor = file.id;
    head.append(title, status);
    box.append(head);
    if (image) {
      const shown = picture(image, 'picture-thumb');
      const alt = el('input');
      alt.id = `${id}-alt`;
      alt.value = image.alt || '';
      alt.placeholder = 'What the picture shows, in words';
      alt.setAttribute('aria-label', `${label}: what it shows, in words (required: read aloud to students who cannot see it)`);
      alt.addEventListener('input', () => set({ src: get().src, alt: alt.value }, true));
      const remove = el('button', 'secondary', 'Remove picture');
      remove.type = 'button';
      remove.setAttribute('aria-label', `${label}: remove`);
      remove.addEventListener('click', () => set(undefined));
      const row = el('div', 'picture-edit-row');
      row.append(shown, alt, remove);
      box.append(row);
      const altError = el('p', 'field-error');
      altError.dataset.path = `${path}.alt`;
      box.append(altError);
    }
    file.className = 'picture-file';
    box.append(file, error);
    return box;
  }

  /**
   * The prompt picture of question `q` (number `i`). `changed(redraw)`: true redraws the card (a picture added or
   * removed), false only saves (alt text typed, so the field keeps its focus).
   */
  function promptPicture(bank, q, i, path, changed) {
    return editor(`q${i}-image`, 'Picture', () => q.image, (image, typing) => {
      if (image) q.image = image; else delete q.image;
      markFormat(bank);
      changed(!typing);
    }, `${path}.image`);
  }

  /** The picture of choice `c` of a multiple-choice question. */
  function choicePicture(bank, q, i, c, path, changed) {
    return editor(`q${i}-choice-${c}-image`, `Picture of choice ${c + 1}`, () => (q.choiceImages || [])[c] || undefined, (image, typing) => {
      const images = q.choiceImages || [];
      const next = q.choices.map((_, k) => (k === c ? image : images[k]) || null);
      if (next.some(Boolean)) q.choiceImages = next; else delete q.choiceImages;
      markFormat(bank);
      changed(!typing);
    }, `${path}.choiceImages[${c}]`, true);
  }

  /** Keeps choiceImages one per choice when a choice is added (null) or removed (its picture goes with it). */
  function choiceAdded(q) { if (q.choiceImages) q.choiceImages.push(null); }
  function choiceRemoved(q, c) {
    if (!q.choiceImages) return;
    q.choiceImages.splice(c, 1);
    if (!q.choiceImages.some(Boolean)) delete q.choiceImages;
  }

  return { promptPicture, choicePicture, choiceAdded, choiceRemoved };
})();
