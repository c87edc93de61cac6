import type { FormField, KeyValue, RawValue } from '../form/form-model';
import { KeyValueList } from './key-value-list';
import { type RelayDirectory, RelayPicker } from './relay-picker';

export interface FieldInputProps {
  id: string;
  field: FormField;
  raw: RawValue;
  required: boolean;
  describedBy: string;
  invalid: boolean;
  relays: RelayDirectory;
  onChange: (raw: RawValue) => void;
}

const TEXT_INPUT_TYPES: Partial<Record<FormField['type'], 'url' | 'email' | 'password'>> = {
  URL: 'url',
  EMAIL: 'email',
  SECRET: 'password',
};
const MULTI_LINE = new Set<FormField['type']>(['TEXTAREA', 'CERTIFICATE', 'PRIVATE_KEY', 'JSON']);

/** One control per published field type; the type alone decides, never the field's name. */
export function FieldInput({ id, field, raw, required, describedBy, invalid, relays, onChange }: FieldInputProps) {
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
    'aria-required': required,
  };
  const text = typeof raw === 'string' ? raw : '';
  switch (field.type) {
    case 'BOOLEAN':
      return (
        <input {...common} type="checkbox" checked={raw === true} onChange={(e) => onChange(e.currentTarget.checked)} />
      );
    case 'SELECT':
      return (
        <select {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{required ? 'Choose…' : '(none)'}</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value} title={option.description ?? undefined}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case 'MULTISELECT': {
      const chosen = Array.isArray(raw) ? (raw as string[]) : [];
      return (
        <div class="choices">
          {field.options.map((option, index) => (
            <label key={option.value} class="choice">
              <input
                id={index === 0 ? id : undefined}
                type="checkbox"
                aria-describedby={describedBy}
                checked={chosen.includes(option.value)}
                onChange={(e) =>
                  onChange(
                    e.currentTarget.checked
                      ? [...chosen, option.value]
                      : chosen.filter((value) => value !== option.value),
                  )
                }
              />
              {option.label}
              {option.description ? <span class="choice-help"> — {option.description}</span> : null}
            </label>
          ))}
        </div>
      );
    }
    case 'KEY_VALUE_LIST':
      return (
        <KeyValueList
          id={id}
          label={field.label}
          rows={Array.isArray(raw) ? (raw as KeyValue[]) : []}
          describedBy={describedBy}
          invalid={invalid}
          masked={field.locked}
          onChange={onChange}
        />
      );
    case 'RELAY':
      return (
        <RelayPicker
          id={id}
          value={text}
          directory={relays}
          describedBy={describedBy}
          invalid={invalid}
          onChange={onChange}
        />
      );
    case 'INTEGER':
    case 'NUMBER':
      return (
        <input
          {...common}
          type="number"
          inputMode={field.type === 'INTEGER' ? 'numeric' : 'decimal'}
          step={field.type === 'INTEGER' ? 1 : 'any'}
          min={field.validation.min ?? undefined}
          max={field.validation.max ?? undefined}
          placeholder={field.placeholder ?? undefined}
          value={text}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      );
    default:
      if (MULTI_LINE.has(field.type))
        return (
          <textarea
            {...common}
            // PEM blocks and JSON keep their line structure; prose wraps.
            class={field.type === 'TEXTAREA' ? undefined : 'code'}
            rows={field.type === 'TEXTAREA' ? 3 : 6}
            spellcheck={false}
            autocomplete="off"
            placeholder={field.placeholder ?? undefined}
            value={text}
            onInput={(e) => onChange(e.currentTarget.value)}
          />
        );
      return (
        <input
          {...common}
          // Any locked field is typed blind, whatever its type. (Preact types `type` per literal; the
          // union is chosen at run time.)
          type={(field.locked ? 'password' : (TEXT_INPUT_TYPES[field.type] ?? 'text')) as 'text'}
          autocomplete={field.locked ? 'new-password' : 'off'}
          spellcheck={false}
          placeholder={field.placeholder ?? undefined}
          value={text}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}
