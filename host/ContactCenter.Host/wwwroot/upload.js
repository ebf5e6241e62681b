// Sending a file chosen in a page: the browser posts it as the raw body of an API call (streamed from disk, with
// the login cookie), so file bytes never travel through the page's live connection. Used by the agent's composer
// and the sandbox phone.

// What was chosen, for the page to check WhatsApp's limits before sending anything.
export function describe(input) {
  const file = input && input.files && input.files[0];
  return file ? { name: file.name, size: file.size, type: file.type || '' } : null;
}

export function clear(input) {
  if (input) input.value = '';
}

// POSTs the chosen file to url with the given headers (percent-encoded, so any name or caption fits a header).
// Answers { status, body } — body is the JSON or problem text; status 0 when nothing was chosen or the network failed.
export async function upload(input, url, headers) {
  const file = input && input.files && input.files[0];
  if (!file) return { status: 0, body: null };
  const all = { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) };
  for (const [name, value] of Object.entries(headers || {})) {
    if (value) all[name] = encodeURIComponent(value);
  }
  try {
    const response = await fetch(url, { method: 'POST', body: file, headers: all, credentials: 'same-origin' });
    return { status: response.status, body: await response.text() };
  } catch (e) {
    return { status: 0, body: String(e) };
  } finally {
    input.value = '';
  }
}
