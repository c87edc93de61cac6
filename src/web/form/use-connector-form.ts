import { useCallback, useMemo, useState } from 'preact/hooks';
import {
  type ConnectorConfigPartsFragment,
  ConnectorTypeDocument,
  type ConnectorTypePartsFragment,
  EditConnectorConfigDocument,
} from '../../../codegen/generated-web/graphql';
import { run } from '../api/graphql-client';
import {
  allFields,
  type FormField,
  type FormSection,
  type FormView,
  initialRaw,
  type LockedMode,
  type RawValue,
  type RawValues,
  sectionsOf,
  viewOf,
} from './form-model';
import { type Intent, prepareSubmission, type Submission } from './form-submission';

export interface FormTarget {
  /** A new config of this connector type (and integration), or … */
  connectorKey?: string;
  integration?: string;
  /** … an existing config. */
  configId?: string;
}

export interface Loaded {
  connectorType: ConnectorTypePartsFragment;
  config: ConnectorConfigPartsFragment | null;
}

/** The field a failed test or save blamed; `at` re-triggers focus when the same field is blamed twice. */
export interface Fault {
  field: string;
  at: number;
}

/**
 * Everything one connector form holds: what was loaded, what the person typed, which locked
 * fields they chose to keep, replace or clear, and which fields are at fault. Rendering is the
 * page's; sending is form-actions.ts's.
 */
export function useConnectorForm({ connectorKey, integration, configId }: FormTarget) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [raw, setRaw] = useState<RawValues>({});
  const [lockedModes, setLockedModes] = useState<Record<string, LockedMode>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [fault, setFault] = useState<Fault | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set(['GENERAL']));
  // What was loaded, to tell whether anything has changed since.
  const [pristine, setPristine] = useState<{ name: string; raw: RawValues }>({ name: '', raw: {} });

  const reset = useCallback((next: Loaded) => {
    const startingRaw = initialRaw(allFields(sectionsOf(next.connectorType)), next.config?.values);
    setLoaded(next);
    setName(next.config?.name ?? '');
    setNameError(undefined);
    setRaw(startingRaw);
    setPristine({ name: next.config?.name ?? '', raw: startingRaw });
    setLockedModes({});
    setErrors({});
    setFault(null);
  }, []);

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
      reset({ connectorType, config });
    } catch (error) {
      setLoadError((error as Error).message);
    }
  }, [configId, connectorKey, integration, reset]);

  const sections: FormSection[] = useMemo(() => (loaded ? sectionsOf(loaded.connectorType) : []), [loaded]);
  const fields: FormField[] = useMemo(() => allFields(sections), [sections]);
  const saved = useMemo(
    () => new Set((loaded?.config?.lockedFields ?? []).filter((f) => f.isSet).map((f) => f.field)),
    [loaded],
  );
  const view: FormView = useMemo(() => {
    // A saved locked field being kept counts as set for rules such as `isSet`.
    const kept: Record<string, boolean> = {};
    for (const field of saved) kept[field] = (lockedModes[field] ?? 'keep') === 'keep';
    return viewOf(fields, raw, kept);
  }, [fields, raw, saved, lockedModes]);

  const dirty = useMemo(
    () =>
      name !== pristine.name ||
      Object.values(lockedModes).some((mode) => mode !== 'keep') ||
      fields.some(
        (field) => JSON.stringify(raw[field.name] ?? null) !== JSON.stringify(pristine.raw[field.name] ?? null),
      ),
    [name, pristine, lockedModes, fields, raw],
  );

  /** Touching a field at fault means the person is fixing it: its error and highlight go. */
  const acknowledge = (field: string) => {
    if (errors[field]) setErrors(({ [field]: _fixed, ...rest }) => rest);
    if (fault?.field === field) setFault(null);
  };

  return {
    loaded,
    loadError,
    /** Whether anything differs from what was loaded or last saved. */
    dirty,
    load,
    sections,
    fields,
    saved,
    view,
    name,
    nameError,
    raw,
    lockedModes,
    errors,
    fault,
    open,
    setName: (value: string) => {
      setName(value);
      setNameError(undefined);
    },
    setNameError,
    change: (field: string, value: RawValue) => {
      setRaw((current) => ({ ...current, [field]: value }));
      acknowledge(field);
    },
    setLockedMode: (field: string, mode: LockedMode) => {
      setLockedModes((current) => ({ ...current, [field]: mode }));
      if (mode !== 'replace') setRaw((current) => ({ ...current, [field]: undefined }));
      acknowledge(field);
    },
    /** Opens saved locked fields for typing, as a test needs them typed again. */
    reenter: (names: readonly string[]) =>
      setLockedModes((current) => ({ ...current, ...Object.fromEntries(names.map((n) => [n, 'replace' as const])) })),
    toggleSection: (kind: string) =>
      setOpen((current) => {
        const next = new Set(current);
        if (next.has(kind)) next.delete(kind);
        else next.add(kind);
        return next;
      }),
    submission: (intent: Intent): Submission =>
      prepareSubmission(
        intent,
        fields,
        view,
        raw,
        saved,
        lockedModes,
        new Set(loaded?.connectorType.connectionTest.discoveredFields),
      ),
    /** Puts problems on their fields; the first one in form order is opened, highlighted and focused. */
    showProblems: (problems: ReadonlyMap<string, string>) => {
      setErrors(Object.fromEntries(problems));
      const first = fields.find((field) => problems.has(field.name));
      if (first) setOpen((current) => new Set([...current, first.section]));
      setFault(first ? { field: first.name, at: Date.now() } : null);
    },
    /** After a save: the stored config, with nothing typed into locked fields any more. */
    replaceConfig: (config: ConnectorConfigPartsFragment) => {
      if (!loaded) return;
      const typedSecretsGone = {
        ...raw,
        ...Object.fromEntries(fields.filter((f) => f.locked).map((f) => [f.name, undefined])),
      };
      setLoaded({ ...loaded, config });
      setPristine({ name: config.name, raw: typedSecretsGone });
      setLockedModes({});
      setRaw(typedSecretsGone);
      setErrors({});
      setFault(null);
    },
    recordTest: (lastTest: ConnectorConfigPartsFragment['lastTest']) => {
      if (loaded?.config) setLoaded({ ...loaded, config: { ...loaded.config, lastTest } });
    },
  };
}

export type ConnectorForm = ReturnType<typeof useConnectorForm>;
