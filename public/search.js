// Search page behaviour: runs Pagefind (built into <base>pagefind/ after the site) on the form's
// query and lists the results. This file is served from the site's base, so the index is found
// relative to it whatever BASE_PATH is. Without JavaScript the page points to the glossary index.
const base = new URL('./', import.meta.url);
const form = document.querySelector('form.search-form');
const input = form.querySelector('input[name="q"]');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const MAX = 20;
let pagefind;

function load() {
  pagefind ??= import(new URL('pagefind/pagefind.js', base).href).then(async (p) => {
    await p.options({ baseUrl: base.pathname });
    return p;
  });
  return pagefind;
}

async function run(query) {
  const q = query.trim();
  list.replaceChildren();
  if (!q) return;
  status.textContent = 'Searching…';
  try {
    const found = await (await load()).search(q);
    const results = await Promise.all(found.results.slice(0, MAX).map((r) => r.data()));
    for (const r of results) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = r.url;
      a.className = 'font-serif text-lg font-bold underline';
      a.textContent = r.meta.title ?? r.url;
      const p = document.createElement('p');
      p.className = 'mt-1 text-sm';
      // Pagefind's excerpt is escaped page text with <mark> around the matched words.
      p.innerHTML = r.excerpt;
      li.append(a, p);
      list.append(li);
    }
    const n = found.results.length;
    status.textContent =
      n === 0
        ? `No results for “${q}”.`
        : `${n} result${n === 1 ? '' : 's'} for “${q}”${n > MAX ? `; showing the first ${MAX}` : ''}.`;
  } catch (error) {
    console.error(error);
    status.textContent = 'Search is not available right now. Use the glossary index or the list of analyses instead.';
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  history.replaceState(null, '', `?q=${encodeURIComponent(input.value)}`);
  void run(input.value);
});

const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  void run(initial);
}
