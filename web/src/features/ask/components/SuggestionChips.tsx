export interface SuggestionChipsProps {
  suggestions: string[];
  onPick: (question: string) => void;
  disabled?: boolean;
  label?: string;
}

export function SuggestionChips({ suggestions, onPick, disabled, label = 'Follow-up questions' }: SuggestionChipsProps) {
  if (!suggestions?.length) return null;
  return (
    <div className="suggestions">
      <div className="suggestions-label">{label}</div>
      <ul className="chips" aria-label={label}>
        {suggestions.map((s) => (
          <li key={s}>
            <button type="button" className="chip" data-testid="suggestion-chip" disabled={disabled} onClick={() => onPick(s)}>
              {s}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
