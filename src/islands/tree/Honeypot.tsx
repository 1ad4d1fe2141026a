// The form's hidden field: visually hidden, hidden from screen readers and out of the tab order, so
// people never meet it, while robots that fill in every box do. The database refuses a leaf that has it filled in.
export function Honeypot({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <div className="govuk-visually-hidden wt-honeypot" aria-hidden="true">
      <label htmlFor="leaf-website">Leave this empty</label>
      <input
        id="leaf-website"
        name="website"
        type="text"
        tabIndex={-1}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
