/**
 * The API key of this browser tab. sessionStorage, not localStorage: closing the tab signs out,
 * and other tabs or later visitors of the machine do not inherit the key.
 */
const STORAGE_KEY = 'plugboard.apiKey';

export const session = {
  apiKey: (): string | null => sessionStorage.getItem(STORAGE_KEY),
  signIn: (apiKey: string): void => sessionStorage.setItem(STORAGE_KEY, apiKey),
  signOut: (): void => sessionStorage.removeItem(STORAGE_KEY),
};
