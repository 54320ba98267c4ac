import type { I18n } from './i18n/locale-context';
import { messagesEn, type MessageKey } from './i18n/messages-en';

/** Translates a known failure reason code. An unknown code, such as one from a newer detector, is shown as is. */
export function failureText(t: I18n['t'], reason: string): string {
  const key = `failure.${reason}`;
  return key in messagesEn ? t(key as MessageKey) : reason;
}
