// Errors as RFC 9457 problem details. Handlers throw HttpError for anything the client can fix or should know
// about; the app's one error handler (app.ts) turns every throw into application/problem+json, so no handler
// formats an error itself and no stack trace or internal message ever reaches a response.

/** Short titles per status, as RFC 9110 names them. */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
};

/** An error meant for the client: its status, title and detail are shown as they are. */
export class HttpError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  /** Extra response headers, e.g. Allow on a 405. */
  readonly headers: Readonly<Record<string, string>>;
  /** Extension members of the problem details (RFC 9457 §3.2), e.g. every validation issue with its place. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    detail: string,
    options: { title?: string; headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = 'HttpError';
    this.status = status;
    this.title = options.title ?? TITLES[status] ?? 'Error';
    this.detail = detail;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }
}

/** The body of an application/problem+json response. */
export interface ProblemDetails {
  /** A URI naming the kind of problem; `about:blank` means "see the status code" (RFC 9457 §4.2.1). */
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path (and query) that failed. */
  instance: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Builds the problem+json response for an HttpError; `instance` is the request's path and query. */
export function problemResponse(error: HttpError, instance: string): Response {
  const body: ProblemDetails & Record<string, unknown> = {
    ...error.extensions,
    type: 'about:blank',
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance,
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...error.headers },
  });
}
