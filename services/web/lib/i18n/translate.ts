import type { MessageKey, Messages } from './messages-en';

export type MessageValues = Record<string, string | number>;

/** Fills the `{name}` placeholders of a message. A placeholder without a value stays visible, so the gap is obvious. */
export function formatMessage(template: string, values?: MessageValues): string {
  if (!values) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}

export function translate(messages: Messages, key: MessageKey, values?: MessageValues): string {
  return formatMessage(messages[key], values);
}
