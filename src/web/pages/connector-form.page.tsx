import { useEffect, useState } from 'preact/hooks';
import { useRelays } from '../api/use-relays';
import { FieldView } from '../components/field-view';
import { FormSectionView } from '../components/form-section';
import { HealthPanel } from '../components/health-panel';
import { LastTestBadge } from '../components/last-test-badge';
import { OAuthConnect } from '../components/oauth-connect';
import { usePageTitle } from '../components/page-title';
import { RequiredMarker } from '../components/required-marker';
import { deleteConfig, type Feedback, saveConfig, testConnection } from '../form/form-actions';
import type { Intent } from '../form/form-submission';
import { type FormTarget, useConnectorForm } from '../form/use-connector-form';
import { setLeaveGuard } from '../router';

export type ConnectorFormPageProps = FormTarget & Feedback;

/** The form of one connector, for a new config or a saved one, rendered from metadata alone. */
export function ConnectorFormPage({ notify, report, ...target }: ConnectorFormPageProps) {
  const form = useConnectorForm(target);
  const [busy, setBusy] = useState<Intent | 'delete' | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const relays = useRelays(form.fields.some((field) => field.type === 'RELAY'));
  const { load, fault } = form;
  const loadedType = form.loaded?.connectorType;
  const loadedConfig = form.loaded?.config;
  usePageTitle(
    loadedConfig
      ? `${loadedConfig.name} (${loadedType?.name})`
      : loadedType
        ? `New ${loadedType.name} configuration`
        : null,
  );

  useEffect(() => {
    report(null);
    void load();
  }, [load, report]);

  // Unsaved changes survive a stray click or a closed tab: the browser, then the router, asks first.
  useEffect(() => {
    if (!form.dirty) return;
    const onUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    setLeaveGuard(() => window.confirm('Leave this form? Your unsaved changes will be lost.'));
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      setLeaveGuard(null);
    };
  }, [form.dirty]);

  // Focus the field at fault once it is rendered (its section was opened first).
  useEffect(() => {
    if (!fault) return;
    const wrapper = document.querySelector(`[data-field="${CSS.escape(fault.field)}"]`);
    wrapper?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    wrapper?.scrollIntoView({ block: 'center' });
  }, [fault]);

  const act = async (intent: Intent | 'delete') => {
    setBusy(intent);
    const action = { test: testConnection, save: saveConfig, delete: deleteConfig }[intent];
    try {
      await action(form, { notify, report });
    } catch (error) {
      report({ message: (error as Error).message });
    } finally {
      setBusy(null);
    }
  };

  if (form.loadError)
    return (
      <main class="page">
        <p class="load-error" role="alert">
          {form.loadError}
        </p>
        <a href="#/">Back to connectors</a>
      </main>
    );
  if (!form.loaded)
    return (
      <main class="page" aria-busy="true">
        <p>Loading the form…</p>
      </main>
    );
  const { connectorType, config } = form.loaded;

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
      {config ? <HealthPanel config={config} notify={notify} report={report} onChecked={() => void load()} /> : null}
      <form
        noValidate
        aria-label={`${connectorType.name} settings`}
        onSubmit={(event) => {
          event.preventDefault();
          void act('save');
        }}
      >
        <div class={`field${form.nameError ? ' field--error' : ''}`}>
          <label for="config-name">
            Configuration name
            <RequiredMarker />
          </label>
          <input
            id="config-name"
            value={form.name}
            maxLength={200}
            aria-invalid={Boolean(form.nameError)}
            aria-describedby={form.nameError ? 'config-name-error' : undefined}
            onInput={(event) => form.setName(event.currentTarget.value)}
          />
          {form.nameError ? (
            <p id="config-name-error" class="field-error">
              {form.nameError}
            </p>
          ) : null}
        </div>
        {form.sections.map((section) => (
          <FormSectionView
            key={section.kind}
            section={section}
            open={form.open.has(section.kind)}
            onToggle={() => form.toggleSection(section.kind)}
          >
            {section.fields
              .filter((field) => form.view.visible.has(field.name))
              .map((field) => [
                <FieldView
                  key={field.name}
                  field={field}
                  raw={form.raw[field.name]}
                  required={form.view.required.has(field.name)}
                  error={form.errors[field.name]}
                  fault={fault?.field === field.name}
                  saved={form.saved.has(field.name)}
                  lockedMode={form.lockedModes[field.name] ?? 'keep'}
                  relays={relays}
                  onChange={(value) => form.change(field.name, value)}
                  onLockedMode={(mode) => form.setLockedMode(field.name, mode)}
                />,
                // The consent flow's Connect button sits under the field that chose it.
                connectorType.oauth?.field === field.name && form.raw[field.name] === connectorType.oauth.option ? (
                  <OAuthConnect
                    key={`${field.name}-oauth`}
                    providerName={connectorType.oauth.providerName}
                    configId={config?.id ?? null}
                    grant={config?.oauthGrant}
                    dirty={form.dirty}
                    report={report}
                    onChanged={() => void load()}
                  />
                ) : null,
              ])}
          </FormSectionView>
        ))}
        <div class="form-actions">
          {config ? (
            confirmingDelete ? (
              <fieldset class="confirm-delete">
                <legend class="visually-hidden">Confirm deletion</legend>
                <span>Delete “{config.name}”? Integrations that use it stop working.</span>
                <button type="button" class="danger" disabled={busy !== null} onClick={() => void act('delete')}>
                  Delete
                </button>
                <button type="button" class="secondary" onClick={() => setConfirmingDelete(false)}>
                  Keep it
                </button>
              </fieldset>
            ) : (
              <button type="button" class="link danger-link" onClick={() => setConfirmingDelete(true)}>
                Delete configuration
              </button>
            )
          ) : null}
          <button type="button" class="secondary" disabled={busy !== null} onClick={() => void act('test')}>
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
