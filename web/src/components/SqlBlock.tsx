import hljs from 'highlight.js/lib/core';
import sqlLang from 'highlight.js/lib/languages/sql';
import { useEffect, useId, useMemo, useRef, useState } from 'react';

hljs.registerLanguage('sql', sqlLang);

export interface SqlBlockProps {
  sql: string;
  defaultOpen?: boolean;
  title?: string;
  collapsible?: boolean;
}

/** A syntax-highlighted SQL statement: collapsible, with a copy button. */
export function SqlBlock({ sql, defaultOpen = true, title = 'SQL', collapsible = true }: SqlBlockProps) {
  const [open, setOpen] = useState(defaultOpen);
  const [copied, setCopied] = useState<'idle' | 'ok' | 'fail'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const bodyId = useId();
  const html = useMemo(() => hljs.highlight(sql, { language: 'sql', ignoreIllegals: true }).value, [sql]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sql);
      setCopied('ok');
    } catch {
      setCopied('fail');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied('idle'), 1800);
  };

  return (
    <section className="sql-block" data-testid="answer-sql">
      <header className="sql-block-head">
        {collapsible ? (
          <button
            type="button"
            className="sql-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen((o) => !o)}
          >
            <span className={`chevron${open ? ' open' : ''}`} aria-hidden="true">
              ▸
            </span>
            {open ? `Hide ${title}` : `Show ${title}`}
          </button>
        ) : (
          <span className="sql-title">{title}</span>
        )}
        <button type="button" className="btn btn-ghost btn-sm" onClick={copy} aria-label="Copy SQL">
          {copied === 'ok' ? 'Copied' : copied === 'fail' ? 'Copy failed' : 'Copy'}
        </button>
      </header>
      {open && (
        <pre id={bodyId} className="sql-code">
          <code className="hljs language-sql" dangerouslySetInnerHTML={{ __html: html }} />
        </pre>
      )}
    </section>
  );
}
