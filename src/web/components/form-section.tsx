import type { ComponentChildren } from 'preact';
import type { FormSection } from '../form/form-model';

interface FormSectionViewProps {
  section: FormSection;
  open: boolean;
  onToggle: () => void;
  children: ComponentChildren;
}

/**
 * One of the four sections. General is always open; the others fold behind a button that says
 * whether it is expanded. Folded fields stay in the page (hidden), so their values are kept.
 */
export function FormSectionView({ section, open, onToggle, children }: FormSectionViewProps) {
  const bodyId = `section-${section.kind}`;
  const collapsible = section.kind !== 'GENERAL';
  return (
    <section class="form-section" data-section={section.kind} aria-labelledby={`${bodyId}-title`}>
      <h2 id={`${bodyId}-title`}>
        {collapsible ? (
          <button type="button" class="section-toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
            <span class="chevron" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            {section.title}
          </button>
        ) : (
          section.title
        )}
      </h2>
      <div id={bodyId} class="section-body" hidden={collapsible && !open}>
        {section.description ? <p class="section-description">{section.description}</p> : null}
        {children}
      </div>
    </section>
  );
}
