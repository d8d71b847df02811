import createClient from 'openapi-fetch';
import { ApiFailure } from './errors';
import type { paths } from './schema';

let accessToken: string | null = null;
let onUnauthorized: () => void = () => undefined;

/** The session's bearer token, sent with every call; a 401 ends the session in the browser too. */
export function setAccessToken(token: string | null, whenUnauthorized: () => void): void {
  accessToken = token;
  onUnauthorized = whenUnauthorized;
}

export function currentAccessToken(): string | null {
  return accessToken;
}

/** Typed from the committed openapi.json (`npm run web:api-types`). Same origin: no base URL. */
export const api = createClient<paths>({ baseUrl: '' });

api.use({
  onRequest({ request }) {
    if (accessToken) request.headers.set('authorization', `Bearer ${accessToken}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && accessToken) onUnauthorized();
    return response;
  },
});

/**
 * The body of a successful call, typed by the API's response schema (openapi.json), or an ApiFailure
 * carrying the API's code and field errors. An explicit `T` must be a type that body is assignable to.
 */
export async function bodyOf<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiFailure.from(response.status, error);
  return data as T;
}
