// The JSON view of Steppe's bank editor: CodeMirror 6 with JSON highlighting, completion of field names and of the
// question types from the bank's JSON Schema, and a lint source the page supplies (the server's validator, so
// the problems shown are exactly those saving would report). Bundled by build.sh into one file with a global
// `SteppeCodeMirror`.
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { searchKeymap } from '@codemirror/search';
import { bracketMatching, foldGutter, syntaxHighlighting, defaultHighlightStyle, indentOnInput } from '@codemirror/language';
import { closeBrackets, closeBracketsKeymap, autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { linter, lintGutter, lintKeymap, forceLinting } from '@codemirror/lint';
import { json, jsonLanguage, jsonParseLinter } from '@codemirror/lang-json';
import { syntaxTree } from '@codemirror/language';

/**
 * Makes the editor in `parent` holding `doc`. `schema`: the bank's JSON Schema; `check(text)`: a promise of
 * problems `{ line, column, message }` (1-based) for the text; `changed(text)`: called after each edit; `nonce`:
 * the page's content-security-policy nonce for CodeMirror's own style element; `syntax(problems)`: called with the
 * problems when the text is not JSON (the server is not asked then).
 */
export function create(parent, doc, { schema, check, changed, label, nonce, syntax }) {
  const serverLint = linter(async (view) => {
    const text = view.state.doc.toString();
    const broken = jsonParseLinter()(view);
    if (broken.length > 0) {
      // Not JSON yet: said where, in words, and in the page's list of problems, not only in the margin.
      const found = broken.map((d) => {
        const line = view.state.doc.lineAt(d.from);
        const message = `not valid JSON here (a comma, quote or bracket missing or extra?): ${d.message.replace(/ in JSON at position \d+.*$/, '')}`;
        return { ...d, message, path: '$', line: line.number, column: d.from - line.from + 1 };
      });
      if (syntax) syntax(found.map(({ path, message, line, column }) => ({ path, message, line, column })));
      return found.map(({ from, to, severity, message }) => ({ from, to: Math.max(to, Math.min(from + 1, view.state.doc.length)), severity, message }));
    }
    const problems = await check(text);
    const lines = view.state.doc.lines;
    return problems.map((p) => {
      const line = view.state.doc.line(Math.min(Math.max(1, p.line || 1), lines));
      const from = Math.min(line.from + Math.max(0, (p.column || 1) - 1), line.to);
      return { from, to: Math.min(Math.max(from + 1, line.to), view.state.doc.length), severity: 'error', message: p.message };
    });
  }, { delay: 600 });

  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), foldGutter(), lintGutter(), history(), drawSelection(),
        indentOnInput(), bracketMatching(), closeBrackets(), highlightActiveLine(), syntaxHighlighting(defaultHighlightStyle),
        json(), serverLint,
        jsonLanguage.data.of({ autocomplete: schemaCompletion(schema) }),
        autocompletion(),
        keymap.of([...completionKeymap, ...closeBracketsKeymap, ...lintKeymap, indentWithTab, ...defaultKeymap, ...searchKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': label || 'Bank as JSON' }),
        ...(nonce ? [EditorView.cspNonce.of(nonce)] : []),
        EditorView.updateListener.of((u) => { if (u.docChanged && changed) changed(u.state.doc.toString()); }),
      ],
    }),
  });
}

/**
 * Completes field names for the object the cursor is in (the bank, a question, a theme, a source), and the values
 * of "type", from the schema: the names its `properties` (and a question's `allOf` branches) declare.
 */
function schemaCompletion(schema) {
  const defs = schema.$defs || {};
  const names = (node) => Object.keys((node && node.properties) || {});
  const question = [...new Set([...names(defs.question), ...(defs.question?.allOf || []).flatMap(b => names(b.then))])];
  const contexts = {
    '': names(schema),
    questions: question,
    themes: names(defs.theme || schema.properties?.themes?.items),
    source: names(schema.properties?.source),
  };
  const types = defs.question?.properties?.type?.enum || [];
  const nameOf = (state, node) => (node ? state.sliceDoc(node.from, node.to).replace(/"/g, '') : '');
  return (context) => {
    const { state, pos } = context;
    const node = syntaxTree(state).resolveInner(pos, -1);
    // In the value of "type": its six names.
    for (let n = node; n && n.name !== 'Object' && n.name !== 'Array'; n = n.parent) {
      if (n.name === 'Property') {
        const name = n.firstChild;
        if (name && name.name === 'PropertyName' && pos > name.to && nameOf(state, name) === 'type') {
          const from = node.name === 'String' ? node.from : pos;
          return { from, to: node.name === 'String' ? node.to : pos, filter: false, options: types.map(t => ({ label: `"${t}"`, type: 'enum' })) };
        }
        break;
      }
    }
    // Else a field name of the object the cursor is in, named by the property that holds it (or its list).
    const word = context.matchBefore(/"?[\w$-]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    let object = node;
    while (object && object.name !== 'Object') object = object.parent;
    if (!object) return null;
    let owner = object.parent;
    if (owner && owner.name === 'Array') owner = owner.parent;
    const key = owner && owner.name === 'Property' ? nameOf(state, owner.firstChild) : '';
    const list = contexts[key];
    if (!list) return null;
    return { from: word.from, options: list.map(name => ({ label: `"${name}"`, apply: `"${name}": `, type: 'property' })) };
  };
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
