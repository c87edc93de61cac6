import type { KeyValue } from '../form/form-model';

interface KeyValueListProps {
  id: string;
  label: string;
  rows: KeyValue[];
  describedBy: string;
  invalid: boolean;
  /** A locked list: values are typed blind, like any locked field. */
  masked?: boolean;
  onChange: (rows: KeyValue[]) => void;
}

/** Name/value rows with add and remove; every input is labelled by its row number. */
export function KeyValueList({ id, label, rows, describedBy, invalid, masked, onChange }: KeyValueListProps) {
  const update = (index: number, patch: Partial<KeyValue>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div class="key-value-list">
      {rows.map((row, index) => (
        <div class="key-value-row" key={index}>
          <input
            id={index === 0 ? id : undefined}
            aria-label={`${label} ${index + 1}: name`}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={row.name}
            onInput={(event) => update(index, { name: event.currentTarget.value })}
          />
          <input
            aria-label={`${label} ${index + 1}: value`}
            aria-describedby={describedBy}
            type={(masked ? 'password' : 'text') as 'text'}
            autocomplete={masked ? 'new-password' : 'off'}
            value={row.value}
            onInput={(event) => update(index, { value: event.currentTarget.value })}
          />
          <button type="button" class="link" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            Remove<span class="visually-hidden"> {`${label} ${index + 1}`}</span>
          </button>
        </div>
      ))}
      <button
        type="button"
        id={rows.length === 0 ? id : undefined}
        class="secondary"
        onClick={() => onChange([...rows, { name: '', value: '' }])}
      >
        Add entry<span class="visually-hidden"> to {label}</span>
      </button>
    </div>
  );
}
