import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import {
  type ConnectorConfigPartsFragment,
  ConnectorTypeDocument,
  type ConnectorTypePartsFragment,
  CreateConnectorConfigDocument,
  EditConnectorConfigDocument,
  type FieldErrorPartsFragment,
  TestConnectionDocument,
  UpdateConnectorConfigDocument,
} from '../../../codegen/generated/graphql';
import { run } from '../api/graphql-client';
import { useRelays } from '../api/use-relays';
import { FieldView, type LockedMode } from '../components/field-view';
import { FormSectionView } from '../components/form-section';
import type { Problem } from '../components/notices';
import { allFields, initialRaw, type RawValue, type RawValues, sectionsOf, viewOf } from '../form/form-model';
import { type Intent, prepareSubmission } from '../form/form-submission';
import { navigate } from '../router';
import { LastTestBadge } from './last-test-badge';

export interface ConnectorFormPageProps {
  /** A new config of this connector type (and integration), or … */
  connectorKey?: string;
  integration?: string;
  /** … an existing config. */
  configId?: string;
  notify: (text: string) => void;
  report: (problem: Problem | null) => void;
}

interface Loaded {
  connectorType: ConnectorTypePartsFragment;
  config: ConnectorConfigPartsFragment | null;
}

/** The form of one connector, for a new config or a saved one, rendered from metadata alone. */
export function ConnectorFormPage({ connectorKey, integration, configId, notify, report }: ConnectorFormPageProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [raw, setRaw] = useState<RawValues>({});
  const [lockedModes, setLockedModes] = useState<Record<string, LockedMode>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [nameError, setNameError] = useState<string | undefined>();
  const [fault, setFault] = useState<{ field: string; at: number } | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set(['GENERAL']));
  const [busy, setBusy] = useState<Intent | null>(null);

  /** Loads (or reloads, after a conflict) and resets the form to what is stored. */
  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const config = configId ? (await run(EditConnectorConfigDocument, { id: configId })).connectorConfig : null;
      if (configId && !config) throw new Error('There is no configuration with this id in your organisation.');
      const key = config?.connectorType.key ?? connectorKey ?? '';
      const { connectorType } = await run(ConnectorTypeDocument, {
        key,
        integration: config?.integration?.key ?? integration ?? null,
      });
      if (!connectorType) throw new Error(`There is no connector type "${key}".`);
      const fields = allFields(sectionsOf(connectorType));
      setLoaded({ connectorType, config });
      setName(config?.name ?? '');
      setRaw(initialRaw(fields, config?.values));
      setLockedModes({});
      setErrors({});
      setNameError(undefined);
      setFault(null);
    } catch (error) {
      setLoadError((error as Error).message);
    }
  }, [configId, connectorKey, integration]);

  useEffect(() => {
    report(null);
    void load();
  }, [load, report]);

  const sections = useMemo(() => (loaded ? sectionsOf(loaded.connectorType) : []), [loaded]);
  const fields = useMemo(() => allFields(sections), [sections]);
  const saved = useMemo(
    () => new Set((loaded?.config?.lockedFields ?? []).filter((f) => f.isSet).map((f) => f.field)),
    [loaded],
  );
  const lockedEntered = useMemo(() => {
    const entered: Record<string, boolean> = {};
    for (const name of saved) entered[name] = (lockedModes[name] ?? 'keep') === 'keep';
    return entered;
  }, [saved, lockedModes]);
  const view = useMemo(() => viewOf(fields, raw, lockedEntered), [fields, raw, lockedEntered]);
  const relays = useRelays(fields.some((field) => field.type === 'RELAY'));

  // Focus the field at fault once it is rendered (its section opened first).
  useEffect(() => {
    if (!fault) return;
    const wrapper = document.querySelector(`[data-field="${CSS.escape(fault.field)}"]`);
    const control = wrapper?.querySelector<HTMLElement>('input, select, textarea, button');
    control?.focus();
    wrapper?.scrollIntoView({ block: 'center' });
  }, [fault]);

  if (loadError)
    return (
      <main class="page">
        <p class="load-error" role="alert">
          {loadError}
        </p>
        <a href="#/">Back to connectors</a>
      </main>
    );
  if (!loaded)
    return (
      <main class="page" aria-busy="true">
        <p>Loading the form…</p>
      </main>
    );
  const { connectorType, config } = loaded;

  const blame = (problems: Map<string, string>, message: string, hint?: string | null, code?: string) => {
    const next = Object.fromEntries(problems);
    setErrors(next);
    const first = fields.find((field) => problems.has(field.name));
    if (first) setOpen((current) => new Set([...current, first.section]));
    setFault(first ? { field: first.name, at: Date.now() } : null);
    report({ message, hint, code });
  };

  /** Touching a field at fault means the person is fixing it: its error and highlight go. */
  const acknowledge = (name: string) => {
    if (errors[name]) setErrors(({ [name]: _fixed, ...rest }) => rest);
    if (fault?.field === name) setFault(null);
  };

  const change = (name: string, value: RawValue) => {
    setRaw((current) => ({ ...current, [name]: value }));
    acknowledge(name);
  };

  const setMode = (name: string, mode: LockedMode) => {
    setLockedModes((current) => ({ ...current, [name]: mode }));
    if (mode !== 'replace') setRaw((current) => ({ ...current, [name]: undefined }));
    acknowledge(name);
  };

  const submission = (intent: Intent) => prepareSubmission(intent, fields, view, raw, saved, lockedModes);

  const testConnection = async () => {
    const prepared = submission('test');
    if (prepared.toReenter.length)
      setLockedModes((current) => ({
        ...current,
        ...Object.fromEntries(prepared.toReenter.map((name) => [name, 'replace' as const])),
      }));
    if (prepared.problems.size) {
      const [firstProblem] = prepared.problems.values();
      blame(
        prepared.problems,
        prepared.toReenter.length ? 'Re-enter the locked fields to test.' : 'Fix the highlighted fields to test.',
        prepared.problems.size > 1 ? firstProblem : null,
      );
      return;
    }
    setBusy('test');
    report(null);
    try {
      const { testConnection: result } = await run(TestConnectionDocument, {
        input: {
          connectorType: connectorType.key,
          integration: connectorType.integration,
          configId: config?.id ?? null,
          values: prepared.values,
        },
      });
      if (result.ok) {
        setErrors({});
        setFault(null);
        notify(
          `Connection test passed in ${result.durationMs} ms${result.testedVia === 'RELAY' ? ' through the relay' : ''}.`,
        );
      } else {
        const problems = new Map<string, string>();
        for (const error of result.errors)
          if (error.field && !problems.has(error.field)) problems.set(error.field, error.message);
        const [first] = result.errors;
        if (first?.code === 'LOCKED_FIELD_NOT_REENTERED')
          setLockedModes((current) => ({
            ...current,
            ...Object.fromEntries([...problems.keys()].map((n) => [n, 'replace' as const])),
          }));
        blame(problems, first?.message ?? 'The test failed.', first?.hint, first?.code);
      }
      if (config)
        setLoaded({
          connectorType,
          config: {
            ...config,
            lastTest: { ok: result.ok, code: result.errors[0]?.code ?? null, at: new Date().toISOString(), by: 'you' },
          },
        });
    } catch (error) {
      report({ message: (error as Error).message });
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    const prepared = submission('save');
    const trimmedName = name.trim();
    setNameError(trimmedName ? undefined : 'Give the configuration a name.');
    if (prepared.problems.size || !trimmedName) {
      if (!trimmedName && !prepared.problems.size) {
        report({ message: 'Give the configuration a name before saving.' });
        document.getElementById('config-name')?.focus();
        return;
      }
      blame(prepared.problems, 'Fix the highlighted fields to save.');
      return;
    }
    setBusy('save');
    report(null);
    try {
      const payload = config
        ? (
            await run(UpdateConnectorConfigDocument, {
              input: {
                id: config.id,
                expectedVersion: config.version,
                name: trimmedName,
                values: prepared.values,
                clearLockedFields: prepared.clearLockedFields,
              },
            })
          ).updateConnectorConfig
        : (
            await run(CreateConnectorConfigDocument, {
              input: {
                name: trimmedName,
                connectorType: connectorType.key,
                integration: connectorType.integration,
                values: prepared.values,
              },
            })
          ).createConnectorConfig;
      if (payload.errors.length || !payload.config) return showSaveErrors(payload.errors);
      notify(
        config
          ? `Saved "${payload.config.name}" (version ${payload.config.version}).`
          : `Saved "${payload.config.name}".`,
      );
      if (!config) return navigate(`#/configs/${encodeURIComponent(payload.config.id)}`);
      setLoaded({ connectorType, config: payload.config });
      setLockedModes({});
      setRaw((current) => ({
        ...current,
        ...Object.fromEntries(fields.filter((f) => f.locked).map((f) => [f.name, undefined])),
      }));
      setErrors({});
    } catch (error) {
      report({ message: (error as Error).message });
    } finally {
      setBusy(null);
    }
  };

  const showSaveErrors = (problems: FieldErrorPartsFragment[]) => {
    const conflict = problems.find((problem) => problem.code === 'VERSION_CONFLICT');
    if (conflict) {
      setFault(null);
      setErrors({});
      report({
        message: `Someone else saved this configuration while you were editing (it is now version ${conflict.currentVersion}). Your changes were not saved.`,
        hint: 'Reload the saved version, then make your changes again.',
        code: conflict.code,
        onReload: () => {
          report(null);
          void load();
        },
      });
      return;
    }
    const known = new Set(fields.map((field) => field.name));
    const onFields = new Map(problems.filter((p) => known.has(p.field)).map((p) => [p.field, p.message]));
    const elsewhere = problems.filter((p) => !known.has(p.field));
    const nameProblem = elsewhere.find((p) => p.field === 'name');
    if (nameProblem) setNameError(nameProblem.message);
    const [first] = [...problems.filter((p) => known.has(p.field)), ...elsewhere];
    blame(onFields, first ? first.message : 'The configuration was not saved.', null, first?.code);
  };

  return (
    <main class="page form-page">
      <p>
        <a href="#/">← Connectors</a>
      </p>
      <header class="form-header">
        <h1>
          {config ? config.name : `New ${connectorType.name} configuration`}
          {connectorType.integration ? <span class="integration-tag">{connectorType.integration}</span> : null}
        </h1>
        <p class="description">{connectorType.description}</p>
        {connectorType.documentationUrl ? (
          <p>
            <a href={connectorType.documentationUrl} target="_blank" rel="noreferrer">
              {connectorType.name} documentation
            </a>
          </p>
        ) : null}
        {config ? (
          <p class="config-meta">
            Version {config.version}, last saved {new Date(config.updatedAt).toLocaleString()} by {config.updatedBy}.{' '}
            <LastTestBadge lastTest={config.lastTest} />
          </p>
        ) : null}
      </header>
      <form
        noValidate
        aria-label={`${connectorType.name} settings`}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div class={`field${nameError ? ' field--error' : ''}`}>
          <label for="config-name">
            Configuration name
            <span class="required-marker">
              {' '}
              *<span class="visually-hidden">(required)</span>
            </span>
          </label>
          <input
            id="config-name"
            value={name}
            maxLength={200}
            aria-invalid={Boolean(nameError)}
            aria-describedby={nameError ? 'config-name-error' : undefined}
            onInput={(event) => {
              setName(event.currentTarget.value);
              setNameError(undefined);
            }}
          />
          {nameError ? (
            <p id="config-name-error" class="field-error">
              {nameError}
            </p>
          ) : null}
        </div>
        {sections.map((section) => (
          <FormSectionView
            key={section.kind}
            section={section}
            open={open.has(section.kind)}
            onToggle={() =>
              setOpen((current) => {
                const next = new Set(current);
                if (next.has(section.kind)) next.delete(section.kind);
                else next.add(section.kind);
                return next;
              })
            }
          >
            {section.fields
              .filter((field) => view.visible.has(field.name))
              .map((field) => (
                <FieldView
                  key={field.name}
                  field={field}
                  raw={raw[field.name]}
                  required={view.required.has(field.name)}
                  error={errors[field.name]}
                  fault={fault?.field === field.name}
                  saved={saved.has(field.name)}
                  lockedMode={lockedModes[field.name] ?? 'keep'}
                  relays={relays}
                  onChange={(value) => change(field.name, value)}
                  onLockedMode={(mode) => setMode(field.name, mode)}
                />
              ))}
          </FormSectionView>
        ))}
        <div class="form-actions">
          <button type="button" class="secondary" disabled={busy !== null} onClick={() => void testConnection()}>
            {busy === 'test' ? 'Testing…' : 'Test connection'}
          </button>
          <button type="submit" disabled={busy !== null}>
            {busy === 'save' ? 'Saving…' : config ? 'Save changes' : 'Save'}
          </button>
        </div>
      </form>
    </main>
  );
}
