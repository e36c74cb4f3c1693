import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpTransportOptions {
  /** Whole-exchange deadline in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  /** Largest accepted response body (default 1 MiB). */
  readonly maxResponseBytes?: number;
  /** Extra request headers (e.g. authorization for a commercial TSA). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** How a failed exchange is reported: the caller maps these to its own coded errors. */
export interface PostDerFailures {
  unavailable(reason: string, cause?: unknown): Error;
  badResponse(reason: string, details: Record<string, unknown>): Error;
}

export interface PostDerRequest {
  readonly url: string;
  readonly body: Uint8Array;
  readonly contentType: string;
  /** Response media types accepted (first is sent as Accept). */
  readonly accept: readonly string[];
}

/**
 * POSTs a DER body and returns the DER answer. Network errors, timeouts and 5xx/429 are "unavailable";
 * other statuses, wrong media types and oversized bodies are "bad responses". Redirects are not followed.
 */
export function postDer(req: PostDerRequest, options: HttpTransportOptions, failures: PostDerFailures): Promise<Uint8Array> {
  const url = new URL(req.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.reject(failures.unavailable(`unsupported URL scheme ${url.protocol}`));
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxResponseBytes ?? 1024 * 1024;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Uint8Array>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | undefined, value?: Uint8Array): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        outgoing.destroy();
        reject(error);
      } else resolve(value as Uint8Array);
    };
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: {
          ...options.headers,
          'content-type': req.contentType,
          accept: req.accept[0] as string,
          'content-length': String(req.body.length),
        },
      },
      (res) => collect(res, req, maxBytes, failures, finish),
    );
    const timer = setTimeout(() => finish(failures.unavailable(`no answer within ${timeoutMs} ms`)), timeoutMs);
    outgoing.on('error', (e) => finish(failures.unavailable(e.message, e)));
    outgoing.end(req.body);
  });
}

function collect(
  res: IncomingMessage,
  req: PostDerRequest,
  maxBytes: number,
  failures: PostDerFailures,
  finish: (error: Error | undefined, value?: Uint8Array) => void,
): void {
  const status = res.statusCode ?? 0;
  if (status === 429 || status >= 500) {
    res.resume();
    finish(failures.unavailable(`HTTP ${status}`));
    return;
  }
  if (status !== 200) {
    res.resume();
    finish(failures.badResponse(`HTTP ${status}`, { status }));
    return;
  }
  const type = (res.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!req.accept.includes(type)) {
    res.resume();
    finish(failures.badResponse('unexpected content type', { contentType: type, expected: [...req.accept] }));
    return;
  }
  const declared = Number(res.headers['content-length'] ?? '0');
  if (declared > maxBytes) {
    finish(failures.badResponse('response too large', { limit: maxBytes, declared }));
    return;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  res.on('data', (chunk: Uint8Array) => {
    size += chunk.length;
    if (size > maxBytes) finish(failures.badResponse('response too large', { limit: maxBytes }));
    else chunks.push(chunk);
  });
  res.on('error', (e) => finish(failures.unavailable(e.message, e)));
  res.on('end', () => {
    const out = new Uint8Array(size);
    let p = 0;
    for (const c of chunks) {
      out.set(c, p);
      p += c.length;
    }
    finish(undefined, out);
  });
}
