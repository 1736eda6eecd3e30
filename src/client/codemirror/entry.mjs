// The JSON view of Steppe's bank editor: CodeMirror 6 with JSON highlighting, completion from the
// bank's JSON Schema (codemirror-json-schema), and a lint source the page supplies (the server's validator, so
// the problems shown are exactly those saving would report). Bundled by build.sh into one file with a global
// `SteppeCodeMirror`.
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { searchKeymap } from '@codemirror/search';
import { bracketMatching, foldGutter, syntaxHighlighting, defaultHighlightStyle, indentOnInput } from '@codemirror/language';
import { closeBrackets, closeBracketsKeymap, autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { linter, lintGutter, lintKeymap, forceLinting } from '@codemirror/lint';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { jsonCompletion, stateExtensions, handleRefresh } from 'codemirror-json-schema';

/**
 * Makes the editor in `parent` holding `doc`. `schema`: the bank's JSON Schema; `check(text)`: a promise of
 * problems `{ line, column, message }` (1-based) for the text; `changed(text)`: called after each edit; `nonce`:
 * the page's content-security-policy nonce for CodeMirror's own style element.
 */
export function create(parent, doc, { schema, check, changed, label, nonce }) {
  const serverLint = linter(async (view) => {
    const text = view.state.doc.toString();
    const syntax = jsonParseLinter()(view);
    if (syntax.length > 0) return syntax;
    const problems = await check(text);
    const lines = view.state.doc.lines;
    return problems.map((p) => {
      const line = view.state.doc.line(Math.min(Math.max(1, p.line || 1), lines));
      const from = Math.min(line.from + Math.max(0, (p.column || 1) - 1), line.to);
      return { from, to: Math.min(Math.max(from + 1, line.to), view.state.doc.length), severity: 'error', message: p.message };
    });
  }, { delay: 600, needsRefresh: handleRefresh });

  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), foldGutter(), lintGutter(), history(), drawSelection(),
        indentOnInput(), bracketMatching(), closeBrackets(), highlightActiveLine(), syntaxHighlighting(defaultHighlightStyle),
        json(), serverLint,
        EditorState.languageData.of(() => [{ autocomplete: jsonCompletion() }]),
        autocompletion(),
        stateExtensions(schema),
        keymap.of([indentWithTab, ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': label || 'Bank as JSON' }),
        ...(nonce ? [EditorView.cspNonce.of(nonce)] : []),
        EditorView.updateListener.of((u) => { if (u.docChanged && changed) changed(u.state.doc.toString()); }),
      ],
    }),
  });
}

/** Replaces the editor's whole text (the form view changed the bank). */
export function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/** Moves the cursor to a 1-based line and column and shows it. */
export function goTo(view, line, column) {
  const l = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
  const pos = Math.min(l.from + Math.max(0, column - 1), l.to);
  view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  view.focus();
}

export { forceLinting };
