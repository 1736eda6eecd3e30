// Stands in for codemirror-json-schema's markdown renderer (markdown-it with the shiki highlighter, about 1 MB,
// started at load): the bank schema's descriptions are plain sentences, shown as escaped text.
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
export function renderMarkdown(markdown) {
  return escape(markdown);
}
