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

/** Sends the parts to `POST /v1/images` as multipart/form-data with Node's fetch. */
export async function postImages(baseUrl: string, parts: readonly FilePart[], fields: Record<string, string> = {}): Promise<JsonResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    form.append(name, value);
  }
  for (const part of parts) {
    const blob = new Blob([new Uint8Array(part.bytes)], { type: part.type ?? 'application/octet-stream' });
    form.append(part.field ?? 'file', blob, part.name);
  }
  const response = await fetch(`${baseUrl}/v1/images`, { method: 'POST', body: form });
  return { status: response.status, body: await response.json() };
}

export async function getJson(url: string, init?: RequestInit): Promise<JsonResponse> {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.json() };
}
