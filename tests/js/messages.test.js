// Material's protocol (messages.js): the postings a query needs, an answer from the index at once
// and again with the excerpts, queries in order, a replaced query dropped.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadEngine, fixture, plain, searchEngine } = require("./engine");

const engine = loadEngine().crchSearch;

// A message handler over a fixture whose shard files arrive only when the test lets them:
// `release(pattern)` delivers the waiting files whose names match, `settle()` lets everything
// through; `replies` holds what the handler posted, `asked` every file it asked for.
function heldHandler(name) {
  const { payload, files } = fixture(name);
  const replies = [], waiting = [], asked = [];
  const handle = engine.messages.createMessageHandler(() => payload, file => new Promise(resolve => {
    asked.push(file);
    waiting.push({ file, deliver: () => resolve(files[file]) });
  }), message => replies.push(plain(message)));
  const turn = () => new Promise(resolve => setTimeout(resolve));
  const release = async pattern => {
    for (let round = 0; round < 10; round++) {
      await turn();
      for (const held of waiting.filter(held => pattern.test(held.file))) {
        waiting.splice(waiting.indexOf(held), 1);
        held.deliver();
      }
    }
  };
  return { handle, replies, asked, waiting, release, settle: () => release(/./), files };
}

test("a query loads the term shards of its own words only, then the others once it is answered", async () => {
  const { engine: messages, loaded, files } = searchEngine(engine, "query.json");
  const termFiles = Object.keys(files).filter(file => file.startsWith("terms."));
  assert.ok(termFiles.length > 3, "the fixture is cut into several term shards");
  const ranked = await messages.rank("ombudsperson");
  assert.deepEqual(plain(ranked.pages.map(page => page.page.location)), ["ombudsperson/"]);
  const first = loaded.filter(file => file.startsWith("terms."));
  assert.ok(first.length >= 1 && first.length < termFiles.length, JSON.stringify(first));
  const index = messages.index, term = index.termIndex.get("ombudsperson");
  assert.ok(first.includes(index.termShards.file(index.termShards.of(term))));
  assert.equal(index.tokenSet, null, "the typo matcher's TokenSet waits for the prefetch");
  await messages.prefetchPostings();
  assert.deepEqual(new Set(loaded.filter(file => file.startsWith("terms."))), new Set(termFiles));
  assert.equal(loaded.filter(file => file.startsWith("terms.")).length, termFiles.length, "each term shard is loaded once");
  assert.ok(index.tokenSet, "then the TokenSet is built");
});

test("the other term shards load one at a time, and only after a query with words was answered", async () => {
  const { handle, asked, waiting, release } = heldHandler("query.json");
  handle({ type: 0 });
  await release(/^$/);
  handle({ type: 2, data: "" });  // Material asks for the empty box first
  await release(/^$/);
  assert.deepEqual(asked, [], "an empty query loads nothing");
  handle({ type: 2, data: "ombudsperson" });
  await release(/^terms\./);  // its own shard, then the prefetch's, each released as it is asked for
  await release(/^texts\./);
  const first = asked.filter(file => file.startsWith("terms.")).length;
  assert.ok(first >= 2, asked);
  for (let round = 0; round < 5; round++) {
    assert.ok(waiting.filter(held => held.file.startsWith("terms.")).length <= 1, "one prefetched shard at a time");
    await release(/^terms\./);
  }
});

test("prepare finds the terms of a query without their postings; termsOf lists them once", () => {
  const { payload } = fixture("query.json");
  const index = new engine.restore.Index(payload);
  const prepared = engine.query.prepare(index, "office offices");
  const terms = engine.query.termsOf(prepared).map(term => index.terms[term]);
  assert.ok(terms.includes("office") && terms.includes("offices"));
  assert.equal(new Set(terms).size, terms.length);
  assert.ok(index.terms.every((_, term) => !index.hasPostings(term)));
});

test("a term shard that fails leaves its words unmatched, and is tried again by the next query", async () => {
  const { payload } = fixture("query.json");
  const index = new engine.restore.Index(payload);
  const file = index.termShards.file(index.termShards.of(index.termIndex.get("ombudsperson")));
  const failing = new Set([file]);
  const { engine: messages, loaded } = searchEngine(engine, "query.json", failing);
  assert.deepEqual(plain((await messages.rank("ombudsperson")).pages), []);
  failing.clear();
  assert.equal((await messages.rank("ombudsperson")).pages.length, 1);
  assert.equal(loaded.filter(name => name === file).length, 2);
});

test("a first query is answered from the index at once, and again with its excerpts when they arrive", async () => {
  const { handle, replies, release, settle } = heldHandler("many-pages.json");
  handle({ type: 0 });
  handle({ type: 2, data: "zajednica" });
  await release(/^terms\./);
  assert.deepEqual(replies.map(reply => reply.type), [1, 3], "answered before any text shard arrived");
  const first = replies[1].data;
  assert.equal(first.pending, true);
  assert.equal(first.items.length, 60);
  assert.ok(first.items.every(group => group.every(item => !item.text || !item.location.includes("#"))),
    "sections come without excerpts (a page may show its summary)");
  await settle();
  assert.deepEqual(replies.map(reply => reply.type), [1, 3, 3]);
  const second = replies[2].data;
  assert.ok(!("pending" in second));
  assert.deepEqual(second.items.map(group => group.map(item => item.location)), first.items.map(group => group.map(item => item.location)),
    "the same pages and sections, in the same order");
  assert.ok(second.items[0].some(item => item.text.includes("<mark>")), "now with excerpts");
  handle({ type: 2, data: "zajednica" });
  await settle();
  assert.equal(replies.length, 4, "texts already here: one answer, complete");
  assert.ok(!("pending" in replies[3].data) && replies[3].data.items[0].some(item => item.text.includes("<mark>")));
});

test("a query replaced while its excerpts load gets no second answer; the newer one is answered", async () => {
  const { handle, replies, release, settle } = heldHandler("many-pages.json");
  handle({ type: 0 });
  handle({ type: 2, data: "zajednica" });
  await release(/^terms\./);
  assert.equal(replies.length, 2, "the first answer came");
  handle({ type: 2, data: "again" });
  await settle();
  const answers = replies.slice(2).map(reply => reply.data);
  assert.ok(answers.length >= 1);
  for (const answer of answers) {
    const terms = answer.items[0][0].terms;
    assert.ok("again" in terms && !("zajednica" in terms), JSON.stringify(terms));
  }
});

test("queries are answered in order, and one replaced by a newer query while it waited is not", async () => {
  const { handle, replies, asked, settle } = heldHandler("many-pages.json");
  handle({ type: 0 });
  handle({ type: 2, data: "zajednica" });
  await new Promise(resolve => setTimeout(resolve));
  await new Promise(resolve => setTimeout(resolve));
  assert.ok(asked.some(file => file.startsWith("terms.")), "the first query waits for its term shards");
  handle({ type: 2, data: "again" });
  await settle();
  assert.equal(replies[0].type, 1);
  assert.ok(replies.slice(1).every(reply => reply.type === 3 && "again" in reply.data.items[0][0].terms &&
    !("zajednica" in reply.data.items[0][0].terms)), JSON.stringify(replies.map(reply => reply.data && reply.data.items[0][0].terms)));
  const before = replies.length;
  handle({ type: 2, data: "zajednica" });
  await settle();
  assert.ok(replies.length > before, "a query nothing replaced is answered");
  assert.ok(!("pending" in replies[replies.length - 1].data));
});

// The first terms of a fixture's term shards, as the index's terms.<language>.js holds them.
function firstTerms(payload) {
  return { file: payload.termShards.file, starts: payload.termShards.starts.map(term => payload.index.terms[term]) };
}

test("likelyShards names the shard of every term of the index, typed whole or begun", () => {
  const { payload } = fixture("query.json");
  const index = new engine.restore.Index(payload), shards = index.termShards, found = firstTerms(payload);
  assert.ok(shards.length > 3, "the fixture is cut into several term shards");
  index.terms.forEach((term, position) => {
    const own = shards.file(shards.of(position));
    assert.ok(engine.messages.likelyShards(found, term).includes(own), `${term}: ${own}`);
    const begun = term.slice(0, 4), first = index.terms.findIndex(other => other.startsWith(begun));
    assert.ok(engine.messages.likelyShards(found, begun).includes(shards.file(shards.of(first))), `${begun}…`);
  });
  assert.ok(engine.messages.likelyShards(found, "one two three four five six").length <= 4, "a few shards at most");
  assert.deepEqual(plain(engine.messages.likelyShards(found, "")), []);
});

test("a query typed before the index has arrived has its term shard asked for at once, and loaded once", async () => {
  const { payload, files } = fixture("query.json");
  const asked = [], replies = [];
  let deliverIndex = null;
  const index = new Promise(resolve => { deliverIndex = () => resolve(payload); });
  const handle = engine.messages.createMessageHandler(() => index, file => {
    asked.push(file);
    return Promise.resolve(files[file]);
  }, message => replies.push(plain(message)), () => firstTerms(payload));
  const turn = () => new Promise(resolve => setTimeout(resolve));
  handle({ type: 0 });
  handle({ type: 2, data: "ombudsperson" });
  await turn();
  const restored = new engine.restore.Index(payload), shards = restored.termShards;
  const own = shards.file(shards.of(restored.termIndex.get("ombudsperson")));
  assert.ok(asked.includes(own), `asked before the index: ${asked}`);
  assert.deepEqual(replies, [{ type: 1 }], "READY at once (Material sends no query before it), no RESULT before the index");
  deliverIndex();
  for (let round = 0; round < 10; round++) await turn();
  assert.equal(asked.filter(file => file === own).length, 1, "the shard asked for early is the one the engine uses");
  const answer = replies.find(reply => reply.type === 3);
  assert.ok(answer && answer.data.items[0][0].location === "ombudsperson/", JSON.stringify(replies).slice(0, 300));
});
