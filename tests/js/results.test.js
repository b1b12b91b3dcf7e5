// Material's result shape (results.js): excerpts, highlighting, escaping, titles only after 20 pages.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadEngine, fixture, plain, searchEngine } = require("./engine");

const engine = loadEngine().crchSearch;

test("an excerpt starts a little before the first match and is cut at a word", () => {
  const text = `${"lead word ".repeat(30)}target ${"tail word ".repeat(40)}`;
  const html = engine.results.excerpt(text, engine.results.scan(text, new Set(["target"])));
  assert.ok(html.startsWith("… ") && html.endsWith(" …"));
  assert.ok(html.includes("<mark>target</mark>"));
  const shown = html.replace(/<\/?mark>/g, "").replace(/^… | …$/g, "");
  assert.ok(text.includes(shown) && shown.length <= 300 && shown.indexOf("target") <= 60);
});

test("everything from content is escaped; matched words are marked, pieces of joined tokens too", () => {
  const text = `Kodi <b>bold</b> & 02/2010`;
  const html = engine.results.markup(text, engine.results.scan(text, new Set(["bold", "2010"])), 0, text.length);
  assert.equal(html, "Kodi &lt;b&gt;<mark>bold</mark>&lt;/b&gt; &amp; <mark>02/2010</mark>");
});

test("the first 20 pages come with their sections, later ones as escaped titles", async () => {
  const { engine: messages } = searchEngine(engine, "many-pages.json");
  const { items } = plain(await messages.search("zajednica"));
  assert.equal(items.length, 60);
  assert.deepEqual(items.map(group => group.length), [...Array(20).fill(2), ...Array(40).fill(1)]);
  for (const group of items) {
    const page = group.find(item => !item.location.includes("#"));
    assert.ok(!page.title.includes("<i>") && page.title.includes("&lt;i&gt;Page"));
    assert.ok(group.every(item => !item.text.includes("<b>")));
    assert.ok(group[0].score >= group[group.length - 1].score);
  }
  assert.ok(items.slice(20).every(([item]) => item.text === "" && item.terms.zajednica === true));
  const scores = items.map(group => group[0].score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a), "Material's Enter opens the best item: the first");
});

test("words missing from a page are reported to Material as false", async () => {
  const { engine: messages } = searchEngine(engine, "many-pages.json");
  const [[item]] = plain(await messages.search("zajednica xyzzyq")).items;
  assert.equal(item.terms.xyzzyq, false);
});

test("only the text shards of the pages shown with their sections are loaded, each once", async () => {
  const { engine: messages, loaded, files } = searchEngine(engine, "many-pages.json");
  const { items } = plain(await messages.search("zajednica"));
  const index = messages.index, shown = new Set();
  items.slice(0, 20).forEach(group => group.forEach(item =>
    shown.add(index.textShards.file(index.textShards.of(index.docs.findIndex(doc => doc.location === item.location))))));
  const texts = () => loaded.filter(file => file.startsWith("texts."));
  assert.deepEqual(new Set(texts()), shown);
  assert.equal(texts().length, shown.size);
  assert.ok(shown.size < Object.keys(files).filter(file => file.startsWith("texts.")).length, "later pages' shards are not loaded");
  assert.ok(items[0][0].text.includes("<mark>"), "the first page has its excerpt");
  await messages.search("zajednica again");
  assert.equal(texts().length, shown.size, "a second query reuses the loaded shards");
});

test("a shard that fails to load leaves its sections without an excerpt, and is tried again", async () => {
  const failing = new Set(["texts.en.0.js"]);
  const { engine: messages, loaded } = searchEngine(engine, "many-pages.json", failing);
  const { items } = plain(await messages.search("zajednica"));
  assert.equal(items.length, 60, "the ranking is still answered");
  const first = items.find(group => group.some(item => item.location === "p0/"));
  assert.ok(first.every(item => item.text === ""), JSON.stringify(first));
  failing.clear();
  const again = plain(await messages.search("zajednice"));
  assert.equal(loaded.filter(file => file === "texts.en.0.js").length, 2);
  assert.ok(again.items.find(group => group.some(item => item.location === "p0/")).some(item => item.text.includes("<mark>")));
});
