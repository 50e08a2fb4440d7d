import { SQLDialect, sql } from '@codemirror/lang-sql';
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { Prec } from '@codemirror/state';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

// Spark SQL for highlighting and completion: standard SQL with backtick-quoted identifiers.
const SparkSQL = SQLDialect.define({ identifierQuotes: '`' });

export interface SqlEditorHandle {
  insert(text: string): void;
  focus(): void;
}

export interface SqlEditorProps {
  value: string;
  onChange: (v: string) => void;
  onRun: () => void;
  /** table name → column names, for completion */
  schema?: Record<string, string[]>;
}

/** CodeMirror 6 with Spark SQL highlighting and completion; Ctrl/Cmd+Enter runs. */
export const SqlEditor = forwardRef<SqlEditorHandle, SqlEditorProps>(function SqlEditor({ value, onChange, onRun, schema }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const cb = useRef({ onChange, onRun });
  cb.current = { onChange, onRun };

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      doc: value,
      extensions: [
        basicSetup,
        sql({ dialect: SparkSQL, schema: schema ?? {}, upperCaseKeywords: true }),
        Prec.highest(
          keymap.of([
            { key: 'Mod-Enter', run: () => (cb.current.onRun(), true) },
            { key: 'Shift-Enter', run: () => (cb.current.onRun(), true) },
          ]),
        ),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) cb.current.onChange(u.state.doc.toString());
        }),
        EditorView.contentAttributes.of({ 'aria-label': 'SQL query', role: 'textbox', 'aria-multiline': 'true' }),
        EditorView.theme({ '&': { fontSize: '14px' }, '.cm-content': { fontFamily: 'var(--mono)' }, '.cm-scroller': { minHeight: '180px' } }),
      ],
    });
    view.current = v;
    return () => v.destroy();
    // Recreate only when the schema changes; the document is kept in sync below.
  }, [schema]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
    }
  }, [value]);

  useImperativeHandle(ref, () => ({
    insert(text: string) {
      const v = view.current;
      if (!v) return;
      const { from, to } = v.state.selection.main;
      v.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
      v.focus();
    },
    focus() {
      view.current?.focus();
    },
  }));

  return <div className="sql-editor" ref={host} data-testid="sql-editor" />;
});
