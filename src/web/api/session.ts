/**
 * The API key of this browser tab. sessionStorage, not localStorage: closing the tab signs out,
 * and other tabs or later visitors of the machine do not inherit the key.
 */
const STORAGE_KEY = 'plugboard.apiKey';

/** Fired when the server stops accepting the key (revoked, expired): the app returns to sign-in. */
export const SESSION_ENDED = 'plugboard:session-ended';

/**
 * Set when the server refused the tab's key, and kept in the tab: a request refused while the
 * page is being reloaded clears the key in the old page, and the new page must still say why.
 * Not secret: it only says that the key stopped working.
 */
const ENDED_KEY = 'plugboard.sessionEnded';

export const session = {
  apiKey: (): string | null => sessionStorage.getItem(STORAGE_KEY),
  signIn: (apiKey: string): void => sessionStorage.setItem(STORAGE_KEY, apiKey),
  signOut: (): void => {
    sessionStorage.removeItem(STORAGE_KEY);
    sessionStorage.removeItem(ENDED_KEY);
  },
  /** Forgets a key the server refused, and tells the app. */
  end: (): void => {
    sessionStorage.removeItem(STORAGE_KEY);
    sessionStorage.setItem(ENDED_KEY, 'revoked');
    window.dispatchEvent(new Event(SESSION_ENDED));
  },
  /** True once the server refused the key, in this page or one before it in this tab. */
  endedByServer: (): boolean => sessionStorage.getItem(ENDED_KEY) !== null,
  /** A new sign-in starts clean. */
  clearEnded: (): void => sessionStorage.removeItem(ENDED_KEY),
};
