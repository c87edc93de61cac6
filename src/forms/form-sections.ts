import { FormSectionKind } from './form.enums';

/** Headings and explanations every form uses for its sections. */
export const SECTION_TEXT: Readonly<Record<FormSectionKind, { title: string; description: string }>> = {
  [FormSectionKind.GENERAL]: {
    title: 'General',
    description: 'Where the program is and how to sign in to it.',
  },
  [FormSectionKind.ADDITIONAL_OPTIONS]: {
    title: 'Additional Options',
    description: "Options that fit the integration to your team's workflow.",
  },
  [FormSectionKind.ADVANCED_OPTIONS]: {
    title: 'Advanced Options',
    description: 'Alternative sign-in methods, certificates and settings most setups leave alone.',
  },
  [FormSectionKind.RELAY_OPTIONS]: {
    title: 'Relay Options',
    description: 'Reach a program the internet cannot, through a relay agent running inside your network.',
  },
};
