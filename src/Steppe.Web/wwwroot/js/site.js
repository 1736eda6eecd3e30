// Helpers the page scripts share. A classic script loaded before them: these are globals of the page.
const $ = (id) => document.getElementById(id);

/** A new element with an optional class and text. */
const el = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

/** A bank or theme id from a title: lower-case letters and digits joined by hyphens, at most `max` long; '' for none. */
const slug = (title, max = 100) => title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, max).replace(/-+$/, '');

/** A question's picture as an <img>: `{ src: 'media/…', alt }` as a bank writes it, or `{ url, alt }` as the live
 * hub sends it; null for none. The alt text is the author's, required by the bank format. */
const picture = (image, className = 'picture') => {
  if (!image) return null;
  const img = el('img', className);
  img.src = image.url || `/${image.src}`;
  img.alt = image.alt;
  return img;
};

/** Shows the whole seconds left until the deadline in the node, four times a second; returns the interval to clear. */
const countdown = (node, deadline) => {
  const tick = () => { node.textContent = `${Math.max(0, Math.ceil((deadline - Date.now()) / 1000))} s`; };
  tick();
  return setInterval(tick, 250);
};
