// Search with pagefind's JS API: one bundle per top folder of the articles (a year; `data-shards`, none: one
// bundle in pagefind/), each holding an index per language, all merged; filtered by section, entity type and
// language on the pages' metadata (pagefind's own filter indexes are not byte-stable between builds, so Warta does
// not use them). Results are built with DOM methods, never innerHTML: the excerpt is parsed inert (DOMParser runs
// nothing) and only its text and <mark> elements are kept.
const form = document.querySelector("form.search");
const pageLang = document.documentElement.lang;
const status = document.querySelector(".status");
const list = document.querySelector("ol.results");
const root = new URL(form.dataset.bundle, document.baseURI).href;  // import() would resolve against this script
const shards = form.dataset.shards.split(" ").filter(Boolean);
const bundles = shards.length ? shards.map((name) => `${root}${name}/`) : [root];

async function languages(bundle) {
  const response = await fetch(`${bundle}pagefind-entry.json`);
  return (await response.json()).languages;
}

function loaded(langs) {  // the index pagefind's init takes for this page: its language, else the largest one
  if (langs[pageLang]) return pageLang;
  if (langs[pageLang.split("-")[0]]) return pageLang.split("-")[0];
  return Object.entries(langs).sort((a, b) => b[1].page_count - a[1].page_count)[0][0];
}

let pagefind;
try {
  const held = await Promise.all(bundles.map(languages));
  const first = Math.max(0, held.findIndex((langs) => langs[pageLang]));  // the reader's language first
  const taken = loaded(held[first]);
  pagefind = await import(bundles[first] + "pagefind.js");
  await pagefind.options({ basePath: bundles[first] });
  await pagefind.init();
  // Every other index once, by the languages each bundle holds (merging one it lacks merges its largest again).
  for (const [number, bundle] of bundles.entries()) {
    for (const language of Object.keys(held[number])) {
      if (number !== first || language !== taken) await pagefind.mergeIndex(bundle, { language });
    }
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
