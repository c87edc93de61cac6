/** The padlock shown on every locked field; its text alternative is read with the label. */
export function LockIcon() {
  return (
    <svg class="lock-icon" viewBox="0 0 16 16" width="14" height="14" role="img" aria-label="locked">
      <title>Locked: write-only, never shown again</title>
      <path
        d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5zm1.5 0h4V5a2 2 0 0 0-4 0v2z"
        fill="currentColor"
      />
    </svg>
  );
}
