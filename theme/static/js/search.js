// Search with pagefind's JS API: the index of the page's language plus the other languages, merged,
// filtered by section, entity type and language on the pages' metadata (pagefind's own filter indexes are
// not byte-stable between builds, so Warta does not use them). Results are built with DOM methods, never innerHTML:
// the excerpt is parsed inert (DOMParser runs nothing) and only its text and <mark> elements are kept.
const form = document.querySelector("form.search");
const pageLang = document.documentElement.lang;
const others = form.dataset.langs.split(" ").filter((l) => l !== pageLang);
const status = document.querySelector(".status");
const list = document.querySelector("ol.results");
const bundle = new URL(form.dataset.bundle, document.baseURI).href;  // import() would resolve against this script

let pagefind;
try {
  pagefind = await import(bundle + "pagefind.js");
  await pagefind.options({ basePath: bundle });
  await pagefind.init();
  for (const language of others) {  // one bundle holds an index per language: add the others to the search
    await pagefind.mergeIndex(bundle, { language }).catch(() => {});  // a language without articles has none
  }
} catch (error) {
  status.textContent = form.dataset.unavailable || "Search is unavailable.";
  throw error;
}

const SHOWN = 20;
const EXAMINED = 200;  // results whose metadata is read to apply the filters

function chosen() {
  const out = {};
  for (const select of form.querySelectorAll(".filters select")) if (select.value) out[select.name] = select.value;
  return out;
}

function inert(html) {
  const body = new DOMParser().parseFromString(html, "text/html").body;
  return [...body.childNodes].map((node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
}

async function run() {
  const query = form.q.value.trim();
  const url = new URL(location.href);
  url.search = new URLSearchParams({ q: query, ...chosen() }).toString();
  history.replaceState(null, "", url);
  list.replaceChildren();
  if (!query) { status.textContent = ""; return; }
  status.textContent = status.dataset.searching;
  const wanted = chosen();
  const search = await pagefind.search(query);
  const examined = await Promise.all(search.results.slice(0, EXAMINED).map((r) => r.data()));
  const matching = examined.filter((data) => Object.entries(wanted).every(([key, value]) =>
    key === "types" ? (data.meta.types || "").split(" ").includes(value) : data.meta[key] === value));
  const results = matching.slice(0, SHOWN);
  status.textContent = results.length ? status.dataset.count.replace("{n}", matching.length) : status.dataset.none;
  for (const result of results) {
    const item = document.createElement("li");
    item.className = "item";
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title || result.url;
    heading.append(link);
    const excerpt = document.createElement("p");
    excerpt.className = "summary";
    excerpt.append(...inert(result.excerpt));
    item.append(heading, excerpt);
    list.append(item);
  }
}

const params = new URLSearchParams(location.search);
form.q.value = params.get("q") || "";
for (const select of form.querySelectorAll(".filters select")) select.value = params.get(select.name) || "";
form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
for (const select of form.querySelectorAll(".filters select")) select.addEventListener("change", run);
form.dataset.ready = "true";
if (form.q.value) run();
