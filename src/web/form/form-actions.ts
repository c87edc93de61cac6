import {
  CreateConnectorConfigDocument,
  DeleteConnectorConfigDocument,
  type FieldErrorPartsFragment,
  TestConnectionDocument,
  UpdateConnectorConfigDocument,
} from '../../../codegen/generated-web/graphql';
import { run } from '../api/graphql-client';
import type { Problem } from '../components/notices';
import { navigate } from '../router';
import { trustPromptFor } from './trust-prompts';
import type { ConnectorForm } from './use-connector-form';

/** How an action tells the person what happened: a passing toast, or the red bar (null clears it). */
export interface Feedback {
  notify: (text: string) => void;
  report: (problem: Problem | null) => void;
}

/**
 * The Test button. Nothing is sent while a field is wrong or a saved locked field has not been
 * typed again; the server's own refusal (LOCKED_FIELD_NOT_REENTERED) is shown the same way.
 */
export async function testConnection(form: ConnectorForm, { notify, report }: Feedback): Promise<void> {
  if (!form.loaded) return;
  const { connectorType, config } = form.loaded;
  const prepared = form.submission('test');
  if (prepared.toReenter.length) form.reenter(prepared.toReenter);
  if (prepared.problems.size) {
    form.showProblems(prepared.problems);
    const [first] = prepared.problems.values();
    report({
      message: prepared.toReenter.length
        ? 'Re-enter the locked fields to test.'
        : 'Fix the highlighted fields to test.',
      hint: prepared.problems.size > 1 ? first : null,
    });
    return;
  }
  report(null);
  const { testConnection: result } = await run(TestConnectionDocument, {
    input: {
      connectorType: connectorType.key,
      integration: connectorType.integration,
      configId: config?.id ?? null,
      values: prepared.values,
    },
  });
  if (result.ok) {
    form.showProblems(new Map());
    notify(
      `Connection test passed in ${result.durationMs} ms${result.testedVia === 'RELAY' ? ' through the relay' : ''}.`,
    );
  } else {
    const onFields = new Map<string, string>();
    for (const error of result.errors)
      if (error.field && !onFields.has(error.field)) onFields.set(error.field, error.message);
    const [first] = result.errors;
    if (first?.code === 'LOCKED_FIELD_NOT_REENTERED') form.reenter([...onFields.keys()]);
    form.showProblems(onFields);
    report({
      message: first?.message ?? 'The test failed.',
      hint: first?.hint,
      code: first?.code,
      detail: first?.providerMessage
        ? `The service answered${first.providerCode ? ` ${first.providerCode}` : ''}: ${first.providerMessage}`
        : null,
      trust: first ? trustPromptFor(first, form, { notify, report }) : undefined,
    });
  }
  // The server recorded it on the config; show it without a reload.
  if (config)
    form.recordTest({ ok: result.ok, code: result.errors[0]?.code ?? null, at: new Date().toISOString(), by: 'you' });
}

/** The Save button: create, or update with the version the form was loaded at. */
export async function saveConfig(form: ConnectorForm, { notify, report }: Feedback): Promise<void> {
  if (!form.loaded) return;
  const { connectorType, config } = form.loaded;
  const prepared = form.submission('save');
  const name = form.name.trim();
  if (!name) form.setNameError('Give the configuration a name.');
  if (prepared.problems.size) {
    form.showProblems(prepared.problems);
    report({ message: 'Fix the highlighted fields to save.' });
    return;
  }
  if (!name) {
    report({ message: 'Give the configuration a name before saving.' });
    document.getElementById('config-name')?.focus();
    return;
  }
  report(null);
  const payload = config
    ? (
        await run(UpdateConnectorConfigDocument, {
          input: {
            id: config.id,
            expectedVersion: config.version,
            name,
            values: prepared.values,
            clearLockedFields: prepared.clearLockedFields,
          },
        })
      ).updateConnectorConfig
    : (
        await run(CreateConnectorConfigDocument, {
          input: {
            name,
            connectorType: connectorType.key,
            integration: connectorType.integration,
            values: prepared.values,
          },
        })
      ).createConnectorConfig;
  if (payload.errors.length || !payload.config) return showSaveErrors(form, payload.errors, report);
  const stored = payload.config;
  notify(config ? `Saved "${stored.name}" (version ${stored.version}).` : `Saved "${stored.name}".`);
  if (config) form.replaceConfig(stored);
  else navigate(`#/configs/${encodeURIComponent(stored.id)}`);
}

/** The server's refusals: on their fields, the config name, or, for a conflict, an offer to reload. */
function showSaveErrors(form: ConnectorForm, problems: FieldErrorPartsFragment[], report: Feedback['report']): void {
  const conflict = problems.find((problem) => problem.code === 'VERSION_CONFLICT');
  if (conflict) {
    form.showProblems(new Map());
    report({
      message: `Someone else saved this configuration while you were editing (it is now version ${conflict.currentVersion}). Your changes were not saved.`,
      hint: 'Reload the saved version, then make your changes again.',
      code: conflict.code,
      onReload: () => {
        report(null);
        void form.load();
      },
    });
    return;
  }
  const known = new Set(form.fields.map((field) => field.name));
  const onFields = problems.filter((problem) => known.has(problem.field));
  const elsewhere = problems.filter((problem) => !known.has(problem.field));
  const nameProblem = elsewhere.find((problem) => problem.field === 'name');
  if (nameProblem) form.setNameError(nameProblem.message);
  form.showProblems(new Map(onFields.map((problem) => [problem.field, problem.message])));
  const [first] = [...onFields, ...elsewhere];
  report({ message: first?.message ?? 'The configuration was not saved.', code: first?.code });
}

/** Deletes the config at the version the form shows; a newer version is a conflict, as for saves. */
export async function deleteConfig(form: ConnectorForm, { notify, report }: Feedback): Promise<void> {
  const config = form.loaded?.config;
  if (!config) return;
  report(null);
  const { deleteConnectorConfig: payload } = await run(DeleteConnectorConfigDocument, {
    input: { id: config.id, expectedVersion: config.version },
  });
  if (payload.errors.length) return showSaveErrors(form, payload.errors, report);
  notify(`Deleted "${config.name}".`);
  navigate('#/');
}
