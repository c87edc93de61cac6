/**
 * The API key of this browser tab. sessionStorage, not localStorage: closing the tab signs out,
 * and other tabs or later visitors of the machine do not inherit the key.
 */
const STORAGE_KEY = 'plugboard.apiKey';

/** Fired when the server stops accepting the key (revoked, expired): the app returns to sign-in. */
export const SESSION_ENDED = 'plugboard:session-ended';

/** Whether this page load saw the server refuse the tab's key: read by the app, even late. */
let endedByServer = false;

export const session = {
  apiKey: (): string | null => sessionStorage.getItem(STORAGE_KEY),
  signIn: (apiKey: string): void => sessionStorage.setItem(STORAGE_KEY, apiKey),
  signOut: (): void => sessionStorage.removeItem(STORAGE_KEY),
  /** Forgets a key the server refused, and tells the app. */
  end: (): void => {
    sessionStorage.removeItem(STORAGE_KEY);
    endedByServer = true;
    window.dispatchEvent(new Event(SESSION_ENDED));
  },
  /** True once the server refused the key: a listener added after the event still learns it. */
  endedByServer: (): boolean => endedByServer,
  /** A new sign-in starts clean. */
  clearEnded: (): void => {
    endedByServer = false;
  },
};
