export interface FilePart {
  name: string;
  bytes: Buffer;
  /** Part name; `file` when omitted. */
  field?: string;
  /** Content type the client claims; the service ignores it. */
  type?: string;
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

/** Text fields of a form; an array sends the field once per value. */
export type FormFields = Record<string, string | readonly string[]>;

export interface PostOptions {
  /** Sends the text fields after the file parts instead of before them. */
  fieldsAfterFiles?: boolean;
}

/** Sends the parts to `POST /v1/images` as multipart/form-data with Node's fetch. */
export async function postImages(
  baseUrl: string,
  parts: readonly FilePart[],
  fields: FormFields = {},
  { fieldsAfterFiles = false }: PostOptions = {},
): Promise<JsonResponse> {
  const form = new FormData();
  const appendFields = (): void => {
    for (const [name, value] of Object.entries(fields)) {
      for (const text of typeof value === 'string' ? [value] : value) {
        form.append(name, text);
      }
    }
  };

  if (!fieldsAfterFiles) {
    appendFields();
  }
  for (const part of parts) {
    const blob = new Blob([new Uint8Array(part.bytes)], { type: part.type ?? 'application/octet-stream' });
    form.append(part.field ?? 'file', blob, part.name);
  }
  if (fieldsAfterFiles) {
    appendFields();
  }
  const response = await fetch(`${baseUrl}/v1/images`, { method: 'POST', body: form });
  return { status: response.status, body: await response.json() };
}

export async function getJson(url: string, init?: RequestInit): Promise<JsonResponse> {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.json() };
}
