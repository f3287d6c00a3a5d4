/** A request body as params give it. */
export type RequestBody = { json: unknown } | { form: Readonly<Record<string, string>> };

/** The fetch body and its content type. */
export function encodeBody(body: RequestBody | undefined): { body?: string; contentType?: string } {
  if (body === undefined) return {};
  if ('json' in body) return { body: JSON.stringify(body.json), contentType: 'application/json' };
  return {
    body: new URLSearchParams(body.form).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}
