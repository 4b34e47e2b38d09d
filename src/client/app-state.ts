// The little state the whole client shares: the language and navigation. Views receive it; nothing else is global.
import { translate, type Lang, type MessageKey } from './i18n.ts';

export interface AppContext {
  lang: Lang;
  t: (key: MessageKey) => string;
  /** Client-side navigation to a path of this app (keeps ?lang). */
  navigate: (path: string) => void;
  /** Re-render the current route (after state changes). */
  refresh: () => void;
}

export function makeContext(lang: Lang, navigate: (path: string) => void, refresh: () => void): AppContext {
  return { lang, t: (key) => translate(lang, key), navigate, refresh };
}
