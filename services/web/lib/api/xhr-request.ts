import { apiErrorFrom, NetworkError } from './api-error';

/** Bytes of the request body sent so far; `total` is the body size. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface XhrRequest {
  method: string;
  url: string;
  body: XMLHttpRequestBodyInit;
  headers?: Record<string, string>;
  onProgress: (progress: UploadProgress) => void;
}

/**
 * Sends a request with XMLHttpRequest, because fetch reports no upload progress. Resolves with a 2xx
 * response, and rejects with ApiError for any other status or with NetworkError when no response arrived.
 */
export function sendWithProgress(request: XhrRequest): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        request.onProgress({ loaded: event.loaded, total: event.total });
      }
    });
    xhr.addEventListener('load', () => {
      // Wrapping the result in a Response lets callers read it like a fetch result, including apiErrorFrom.
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        statusText: xhr.statusText,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'text/plain' },
      });
      if (response.ok) {
        resolve(response);
      } else {
        void apiErrorFrom(response).then(reject);
      }
    });
    xhr.addEventListener('error', () => reject(new NetworkError(new Error(`${request.method} ${request.url} failed`))));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was aborted', 'AbortError')));
    xhr.send(request.body);
  });
}
