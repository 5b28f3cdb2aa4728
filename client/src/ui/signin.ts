import { GraphQLHttp } from '../api/http';
import { PING } from '../api/queries';
import { t } from '../i18n';
import { byId } from './dom';

const KEY = 'citytwin.apiKey';

/** The API key lives in sessionStorage: it survives a reload but not closing the tab. */
export function storedKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  location.reload();
}

/** Shows the sign-in box until a key the server accepts is entered. */
export function signIn(endpoint: string): Promise<string> {
  const dialog = byId('signin');
  const form = byId<HTMLFormElement>('signin-form');
  const input = byId<HTMLInputElement>('signin-key');
  const error = byId('signin-error');
  const render = () => {
    byId('signin-title').textContent = t('signin.title');
    byId('signin-label').textContent = t('signin.key');
    byId('signin-submit').textContent = t('signin.submit');
    byId('signin-hint').textContent = t('signin.hint');
  };
  render();
  dialog.hidden = false;
  input.focus();
  return new Promise((resolve) => {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const key = input.value.trim();
      // Keys are hex or base64-ish tokens; anything else is a paste accident, not worth a request.
      if (!/^[A-Za-z0-9._~+/=-]{8,256}$/.test(key)) {
        error.textContent = t('signin.invalid');
        return;
      }
      try {
        await new GraphQLHttp(endpoint, () => key).query(PING);
        sessionStorage.setItem(KEY, key);
        dialog.hidden = true;
        resolve(key);
      } catch (failure) {
        error.textContent = `${t('signin.invalid')} (${(failure as Error).message})`;
      }
    });
  });
}
