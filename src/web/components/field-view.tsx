import type { FormField, LockedMode, RawValue } from '../form/form-model';
import { FieldInput } from './field-input';
import { LockIcon } from './lock-icon';
import type { RelayDirectory } from './relay-picker';
import { RequiredMarker } from './required-marker';

export interface FieldViewProps {
  field: FormField;
  raw: RawValue;
  required: boolean;
  error?: string;
  /** The field a failed test or save blamed: highlighted, and focused by the page. */
  fault: boolean;
  /** For locked fields of a saved config: whether a value is stored. Never the value. */
  saved: boolean;
  lockedMode: LockedMode;
  relays: RelayDirectory;
  onChange: (raw: RawValue) => void;
  onLockedMode: (mode: LockedMode) => void;
}

const GROUPED = new Set<FormField['type']>(['MULTISELECT', 'KEY_VALUE_LIST']);

const fieldId = (name: string) => `field-${name}`;

/** Label, lock icon, required marker, help, control and error of one field. */
export function FieldView(props: FieldViewProps) {
  const { field, required, error, fault, saved, lockedMode } = props;
  const id = fieldId(field.name);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [field.helpText ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const showsSavedState = field.locked && saved && lockedMode !== 'replace';
  const title = (
    <>
      {field.label}
      {field.locked ? <LockIcon /> : null}
      {required ? <RequiredMarker /> : null}
    </>
  );
  const grouped = GROUPED.has(field.type) || showsSavedState;
  const classes = ['field', fault ? 'field--fault' : '', error ? 'field--error' : ''].filter(Boolean).join(' ');
  const body = (
    <>
      {showsSavedState ? (
        <SavedSecret label={field.label} mode={lockedMode} onMode={props.onLockedMode} />
      ) : (
        <div class="control-row">
          <FieldInput
            id={id}
            field={field}
            raw={props.raw}
            required={required}
            describedBy={describedBy}
            invalid={Boolean(error)}
            relays={props.relays}
            onChange={props.onChange}
          />
          {field.locked && saved ? (
            <button type="button" class="link" onClick={() => props.onLockedMode('keep')}>
              Keep saved value
            </button>
          ) : null}
        </div>
      )}
      {field.helpText ? (
        <p id={helpId} class="help">
          {field.helpText}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} class="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
  if (grouped)
    return (
      <fieldset class={classes} data-field={field.name} data-type={field.type} aria-describedby={describedBy}>
        <legend>{title}</legend>
        {body}
      </fieldset>
    );
  return (
    <div class={classes} data-field={field.name} data-type={field.type}>
      <label for={id}>{title}</label>
      {body}
    </div>
  );
}

interface SavedSecretProps {
  label: string;
  mode: LockedMode;
  onMode: (mode: LockedMode) => void;
}

/** A stored secret: only that it exists, with Replace and Clear. No value, no fake mask. */
function SavedSecret({ label, mode, onMode }: SavedSecretProps) {
  if (mode === 'clear')
    return (
      <div class="saved-secret">
        <span class="badge badge--warning">Will be cleared when you save</span>
        <button type="button" class="link" onClick={() => onMode('keep')}>
          Undo<span class="visually-hidden"> clearing {label}</span>
        </button>
      </div>
    );
  return (
    <div class="saved-secret">
      <span class="badge badge--saved">Saved</span>
      <button type="button" class="secondary" onClick={() => onMode('replace')}>
        Replace<span class="visually-hidden"> {label}</span>
      </button>
      <button type="button" class="secondary" onClick={() => onMode('clear')}>
        Clear<span class="visually-hidden"> {label}</span>
      </button>
      <span class="help">Re-enter it to run a test: saved secrets are never used for tests.</span>
    </div>
  );
}
