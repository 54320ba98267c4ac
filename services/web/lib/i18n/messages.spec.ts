import { describe, expect, it } from '@jest/globals';
import { messagesEn, type MessageKey } from './messages-en';
import { messagesJa } from './messages-ja';
import { formatMessage } from './translate';

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

describe('message dictionaries', () => {
  it('have the same keys', () => {
    expect(Object.keys(messagesJa).sort()).toEqual(Object.keys(messagesEn).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(messagesEn) as MessageKey[]) {
      expect({ key, placeholders: placeholders(messagesJa[key]) }).toEqual({ key, placeholders: placeholders(messagesEn[key]) });
    }
  });

  it('have no empty strings', () => {
    for (const [key, text] of [...Object.entries(messagesEn), ...Object.entries(messagesJa)]) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });
});

describe('formatMessage', () => {
  it('fills placeholders', () => {
    expect(formatMessage('{label} {score}', { label: 'dog', score: '0.87' })).toBe('dog 0.87');
  });

  it('leaves unknown placeholders visible', () => {
    expect(formatMessage('Uploaded {time}', {})).toBe('Uploaded {time}');
  });
});
